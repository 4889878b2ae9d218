import type { Image } from '@erun/contracts';
import type { Message } from '../../lib/messages.ts';

/** What a form's page plugs in as its labelled photos field (uploads live in their own feature). */
export interface LabelledPhotosFieldProps {
  photos: Image[];
  onChange: (photos: Image[]) => void;
  max: number;
  onPendingChange: (pending: boolean) => void;
  error?: Message;
  label: string;
}
