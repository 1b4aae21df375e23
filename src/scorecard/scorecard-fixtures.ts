// Labelled episodes for the scorecard tests (the backtest tie test, the warning product in Chromium).
import { parseEpisodes } from '../backtest/episodes.js';

// Start dates of six public PLA episodes around Taiwan, 2021–2023 (hand-written test fixture).
export const PLA_EPISODES = parseEpisodes(
  [
    'id,name,kind,start,end',
    'E1,National Day ADIZ surge,surge,2021-10-01,2021-10-04',
    'E2,Exercises after the US Speaker visit,named-exercise,2022-08-04,2022-08-10',
    'E3,Christmas joint patrol and strike drill,surge,2022-12-25,2022-12-25',
    'E4,Joint Sword,named-exercise,2023-04-08,2023-04-10',
    'E5,Joint patrol after the vice-president transit,surge,2023-08-19,2023-08-19',
    'E6,Mid-September surge,surge,2023-09-13,2023-09-18',
  ].join('\n'),
  'episodes.csv',
);
