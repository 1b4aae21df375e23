// Classifies a China MSA navigation warning by its title ("实弹射击—粤航警442/26", "MILITARY TRAINING—GX20/26").

export type WarningKind =
  | 'live-fire'
  | 'exercise'
  | 'training'
  | 'military-activity'
  | 'rocket-launch'
  | 'rocket-debris'
  | 'closure-area'
  | 'drill'
  | 'cancellation'
  | 'other';

/** First match wins, so the specific phrases come before the general ones ("军事活动结束" is a cancellation). */
const RULES: ReadonlyArray<[RegExp, WarningKind]> = [
  [/结束|撤销|COMPLETED|CANCEL/i, 'cancellation'],
  [/实弹射击|实际使用武器|GUN\s*FIRING|LIVE[\s-]*FIR|SHOOTING/i, 'live-fire'],
  [/火箭残骸|DEBRIS/i, 'rocket-debris'],
  [/火箭发射|ROCKET\s*LAUNCH/i, 'rocket-launch'],
  [/军事演习|EXERCISE/i, 'exercise'],
  [/军事训练|TRAINING/i, 'training'],
  [/军事活动|军事行动|军事任务|军事演练|MILITARY\s*(ACTIVIT|OPERATION|MISSION)/i, 'military-activity'],
  [/禁航区|NAVIGATION\s*PROHIBITED|PROHIBITED\s*AREA/i, 'closure-area'],
  [/搜救演习|应急演习|SEARCH\s*AND\s*RESCUE|EMERGENCY/i, 'drill'],
];

export function warningKind(title: string): WarningKind {
  return RULES.find(([pattern]) => pattern.test(title))?.[1] ?? 'other';
}

/** The warning number at the end of the title after the dash: "桂航警51/26", "GX20/26"; undefined when absent. */
export function warningId(title: string): string | undefined {
  const match = /[—–]\s*([^—–\s][^—–]*?\d+\/\d+)\s*$/.exec(title);
  return match?.[1];
}

/** The warning a cancellation withdraws: "撤销鲁航警676/26" / "CANCEL SD625/26". */
export function cancelledId(text: string): string | undefined {
  const match = /(?:撤销|CANCEL\s+)([^\s，,。.;；]*?\d+\/\d+)/i.exec(text);
  return match?.[1];
}
