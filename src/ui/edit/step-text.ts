import type { EditOp } from '../../edit/ops';
import { featureKey } from '../../edit/ops';
import type { MessageKey } from '../../i18n/zh';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** How a step reads in the history list and the live region. */
export function stepText(op: EditOp, t: T): string {
  switch (op.type) {
    case 'add':
      return t('edit.step.add', { id: featureKey(op.feature, op.index) });
    case 'delete':
      return t('edit.step.delete', { id: featureKey(op.feature, op.index) });
    case 'geometry':
      return t('edit.step.geometry', { id: op.id });
    case 'attributes': {
      const keys = new Set([...Object.keys(op.before), ...Object.keys(op.after)]);
      const fields = [...keys].filter((k) => op.before[k] !== op.after[k]);
      return t('edit.step.attributes', { id: op.id, fields: fields.join(', ') });
    }
    case 'batch': {
      // A reshape that also updates the computed area reads as the reshape.
      const first = op.ops[0];
      if (!first) return '';
      if (op.ops.length === 2 && first.type === 'geometry' && op.ops[1]!.type === 'attributes') return stepText(first, t);
      return t('edit.step.batch', { first: stepText(first, t), n: op.ops.length - 1 });
    }
  }
}
