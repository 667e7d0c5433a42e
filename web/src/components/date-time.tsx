import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/time.ts';

/** An instant in the viewer's time zone and language, with the ISO value for machines. */
export function DateTime(props: { value: string | undefined }) {
  const { i18n } = useTranslation();
  if (!props.value) return <>—</>;
  return <time dateTime={props.value}>{formatDateTime(props.value, i18n.language)}</time>;
}
