// Acknowledgements (who took an alert, when, how long it took) and playbook ticks (who did which checklist step, when).
import { vigilError } from '../errors/index.js';
import type { Alert } from './alert.js';
import type { Playbook } from './alerting-config.js';
import type { PlaybookChecklist } from './notification.js';

export interface Acknowledgement {
  alertId: string;
  by: string;
  comment: string;
  at: string;
  /** From the alert firing to this acknowledgement (null if it was acknowledged before it fired). */
  timeToAckMs: number | null;
}

export interface PlaybookTick {
  alertId: string;
  playbook: string;
  step: string;
  by: string;
  at: string;
}

/** Validates and builds an acknowledgement; the alert must exist and be pending or firing. */
export function acknowledge(alert: Alert, by: string, comment: string, at: string): Acknowledgement {
  if (by.trim() === '') throw vigilError('VIGIL_INPUT_INVALID', 'ack: by: say who acknowledges (--by NAME)');
  if (alert.status !== 'firing' && alert.status !== 'pending') {
    throw vigilError(
      'VIGIL_CONFLICT',
      `alert ${alert.id} is ${alert.status}; only pending or firing alerts can be acknowledged`,
    );
  }
  return {
    alertId: alert.id,
    by: by.trim(),
    comment: comment.trim(),
    at,
    timeToAckMs: alert.firedAt === null ? null : Date.parse(at) - Date.parse(alert.firedAt),
  };
}

/** The checklist with each step's tick (the first tick of a step counts). */
export function checklist(id: string, playbook: Playbook, ticks: readonly PlaybookTick[]): PlaybookChecklist {
  return {
    id,
    title: playbook.title,
    ...(playbook.title_zh === undefined ? {} : { titleZh: playbook.title_zh }),
    steps: playbook.steps.map((s) => {
      const tick = ticks.filter((t) => t.playbook === id && t.step === s.id).sort((a, b) => (a.at < b.at ? -1 : 1))[0];
      return {
        id: s.id,
        text: s.text,
        ...(s.text_zh === undefined ? {} : { textZh: s.text_zh }),
        tickedBy: tick?.by ?? null,
        tickedAt: tick?.at ?? null,
      };
    }),
  };
}
