import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteView, loadSavedViews, type SavedView, saveView } from '../saved-views.ts';
import type { QueueSearch } from '../search-params.ts';

/** Saved views: name the current filters, apply one later, or delete it. */
export function SavedViewsMenu(props: {
  search: QueueSearch;
  onApply: (search: QueueSearch) => void;
}) {
  const { t } = useTranslation();
  const [views, setViews] = useState<SavedView[]>(() => loadSavedViews(window.localStorage));
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const save = () => {
    if (!name.trim()) return;
    setViews(saveView(window.localStorage, { name: name.trim(), search: props.search }));
    setNaming(false);
    setName('');
  };
  return (
    <>
      <ButtonDropdown
        items={[
          ...(views.length
            ? [
                {
                  id: 'apply',
                  text: t('queue.views.apply'),
                  items: views.map((v) => ({ id: `apply:${v.name}`, text: v.name })),
                },
                {
                  id: 'delete',
                  text: t('queue.views.delete'),
                  items: views.map((v) => ({ id: `delete:${v.name}`, text: v.name })),
                },
              ]
            : []),
          { id: 'save', text: t('queue.views.save') },
        ]}
        onItemClick={({ detail }) => {
          if (detail.id === 'save') setNaming(true);
          else if (detail.id.startsWith('apply:')) {
            const view = views.find((v) => `apply:${v.name}` === detail.id);
            if (view) props.onApply(view.search);
          } else if (detail.id.startsWith('delete:'))
            setViews(deleteView(window.localStorage, detail.id.slice('delete:'.length)));
        }}
      >
        {t('queue.views.title')}
      </ButtonDropdown>
      {naming && (
        <Modal
          visible
          onDismiss={() => setNaming(false)}
          header={t('queue.views.save')}
          footer={
            <Box float="right">
              <SpaceBetween direction="horizontal" size="xs">
                <Button variant="link" onClick={() => setNaming(false)}>
                  {t('common.cancel')}
                </Button>
                <Button variant="primary" onClick={save}>
                  {t('common.save')}
                </Button>
              </SpaceBetween>
            </Box>
          }
        >
          <FormField label={t('queue.views.name')} controlId="saved-view-name">
            <Input
              controlId="saved-view-name"
              value={name}
              onChange={({ detail }) => setName(detail.value)}
              onKeyDown={({ detail }) => {
                if (detail.key === 'Enter') save();
              }}
            />
          </FormField>
        </Modal>
      )}
    </>
  );
}
