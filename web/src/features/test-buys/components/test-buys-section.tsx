import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../api/contract.ts';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useSellerTestBuys } from '../api/test-buys.ts';
import { RecordTestBuyForm } from './record-test-buy-form.tsx';
import { TestBuysTable } from './test-buys-table.tsx';

/**
 * The case's mystery test buys (from its case file), the seller's other test buys (on the seller
 * or on its other cases, such as the own-initiative case a confirmed counterfeit opened), and the
 * form to record one.
 */
export function TestBuysSection(props: { file: CaseFile }) {
  const { t } = useTranslation();
  const { file } = props;
  const [recording, setRecording] = useState(false);
  const sellerBuys = useSellerTestBuys(file.sellerId);
  const own = file.testBuys;
  const others = (sellerBuys.data ?? []).filter((buy) => buy.caseId !== file.caseId);
  return (
    <Container
      header={
        <Header
          variant="h2"
          counter={`(${own.length})`}
          description={t('testBuys.description')}
          actions={
            !recording && file.sellerId ? (
              <Button onClick={() => setRecording(true)}>{t('testBuys.record')}</Button>
            ) : undefined
          }
        >
          {t('testBuys.title')}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {recording && (
          <Container
            header={<Header variant="h3">{t('testBuys.recordTitle')}</Header>}
            variant="stacked"
          >
            <RecordTestBuyForm file={file} onDone={() => setRecording(false)} />
          </Container>
        )}
        {own.length > 0 ? (
          <TestBuysTable items={own} caseId={file.caseId} label={t('testBuys.title')} />
        ) : (
          <Box color="text-status-inactive">{t('testBuys.none')}</Box>
        )}
        {sellerBuys.isError && <ProblemAlert error={sellerBuys.error} />}
        {others.length > 0 && (
          <SpaceBetween size="xs">
            <Box variant="h3">{t('testBuys.otherTitle', { sellerId: file.sellerId })}</Box>
            <TestBuysTable
              items={others}
              caseId={file.caseId}
              label={t('testBuys.otherTitle', { sellerId: file.sellerId })}
            />
          </SpaceBetween>
        )}
      </SpaceBetween>
    </Container>
  );
}
