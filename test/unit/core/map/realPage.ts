/**
 * Role files built by hand from one real handbook page, item for item:
 * test/fixtures/corpus/real-handbooks/sourcegraph--product_manager_engineering_manager_responsibilities.md
 * (Sourcegraph handbook, "Product manager + engineering manager: partnership responsibilities").
 * Each `###` section is a table of PM and EM expectations; the section heading is the area. The
 * column order flips from "Hiring" on (EM first), which this file follows.
 */
import type { RoleSpec } from './fixtures';

const SECTIONS: [area: string, pm: string[], em: string[]][] = [
  [
    'Product marketing',
    [
      'Speak to customers about upcoming features',
      'Promote new features internally in the company',
      'Communicate with marketing + sales around upcoming or recent feature releases',
      'Reach out to customers when heavily requested features are released',
      'Make sure the CE + Sales team understands and is excited to sell new features',
    ],
    [
      'Look out for instances of gaps in product trust and understanding',
      'Encourage engineers to provide demos of newly delivered features',
    ],
  ],
  [
    'Product research',
    ['Keep relevant customer feedback up to date', 'Identify what customers are asking for most / prioritization based on customer needs'],
    ['Ensure that capturing usage events and the data capture integrity is top of mind when implementing/maintaining features'],
  ],
  [
    'Team goals',
    [
      'Keep the team’s goals page up-to-date in the handbook, which included progress updates at the end of iterations',
      'Communicating team goals internally and externally',
      'Continually validate that team goals are right and that we are making progress on those goals at a metrics level',
      'Make sure we have data and feedback to prioritize our roadmap',
    ],
    ['Ensure that engineers are engaged in setting and stay connected with the team goals'],
  ],
  [
    'Iteration planning',
    [
      'Make sure iteration goals align with team goals',
      'Set the iteration goals in consultation with the team',
      'Prioritize the work for the iteration',
      'Make sure features are built in an iterative manner where possible',
    ],
    [
      'Refine issues to the point where an engineer can pick it up and have all the information needed to get started',
      'Balance iteration goals with available capacity',
      'Balance iteration goals with passive goals (backlog, technical debt)',
      'Keep the team’s handbook page up-to-date with the process for planning iterations',
    ],
  ],
  [
    'Technical partnerships',
    [
      'Communicate with technical partners (like GitLab) around bugs or version updates',
      'Handle communication with Firefox/Chrome/Safari around extensions approvals if issues arise',
      'Correspond with customers when having issues requiring direct contact (which will come from a CE “first point of contact” but then becomes a separate task)',
      'Ensure customer delivery plans are set when relevant',
    ],
    [
      'Look out for technical releases from partners that will cause potential issues with our integrations (e.g., a new version of Chrome affecting an extension)',
    ],
  ],
  [
    'Sales + customer engineering collaboration',
    [
      'Answer questions from the sales and CE teams',
      'Analyze the needs of the sales and CE teams as they relate to our goals',
      'First point of contact for customer issues',
      'First “team point of contact” for customers unless otherwise specified',
    ],
    [],
  ],
  [
    'Design',
    [
      'Prioritize design requirements for future iterations',
      'Collaborate on user research requirements',
      'Working alongside designers to prototype new features',
      'Work alongside designers in team-related design reviews',
    ],
    [
      'Leave design feedback comments on anything that seems like it might be a “lopsided value tradeoff” (a significant amount of engineering work for little design/user impact when compared to the easier solution) so that the PM and designers are aware',
      'Encourage the rest of the team to do so as well',
    ],
  ],
  [
    'Other engineering team collaborations',
    ['Communicate and prioritize inter-team dependencies'],
    ['Drive inter-team dependency collaboration and execution'],
  ],
  // From here on the page lists EM expectations first; this file keeps PM, EM.
  [
    'Hiring',
    ['Ensure there is a clear roadmap so the EM knows who we need to hire and how to pitch the vision of the team to candidates.'],
    [
      'Define hiring requirements based on team goals',
      'Keep job spec up-to-date',
      'Source candidates',
      'Screen candidate applications',
      'Define and maintain the hiring process',
    ],
  ],
  [
    'Iteration execution',
    ['Scope and prioritize bugs escalated by CE team', 'Protect the team’s focus during an iteration'],
    [
      'Keep the team’s handbook page up-to-date with the process for executing iterations',
      'Track progress of the iteration and alert PM when we need to scope up/down',
      'Manage/escalate technical blockers on work',
      'Ensure the work delivered is of a high quality',
      'Scope and prioritize bugs escalated by CE team',
    ],
  ],
  [
    'Productivity',
    ['Update handbook owned pages (goals or roadmap) with relevant action items after retrospectives'],
    ['Hold retrospectives after each iteration', 'Continuously optimize processes'],
  ],
  [
    'Reporting',
    [
      'Provide weekly progress highlight for weekly status report email that is also shared at the company meeting',
      'Look over weekly update by EOD [the day before it gets sent] and supplement any info',
    ],
    ['Provide weekly status report to engineering leadership'],
  ],
  [
    'Career development and performance management',
    [
      'Make the EM aware of any career-related conversations that come up when working with engineers directly',
      'Provide continuous insight to EM on what areas engineers excel in and what areas they can grow in',
    ],
    [
      'Hold weekly 1:1s with team members',
      'Mentor team members to make progress towards their career goals',
      'Measure the performance of the team and individuals and provide regular feedback to team members',
    ],
  ],
  [
    'Team morale',
    [
      'Bringing in customer feedback to make the team excited about what we’re building',
      'Following up on data/analytics to prove the impact of what we’ve built, so the team feels like we’re having an impact',
      'Come up with or maintain team “rituals” (even as simple as adding a fun question to the start of syncs)',
    ],
    ['Team social events', 'Come up with or maintain team “rituals” (even as simple as adding a fun question to the start of syncs)'],
  ],
];

/** The page's two roles; `withAreas: false` drops the areas (to test grouping by similarity). */
export function sourcegraphPmEm(withAreas = true): RoleSpec[] {
  const pick = (col: 1 | 2) => SECTIONS.flatMap((s) => s[col].map((text) => (withAreas ? { text, area: s[0] } : text)));
  return [
    {
      id: 'pm',
      title: 'Product manager',
      responsibilities: pick(1),
      successCriteria: ['Is the goal of the team clearly defined, with incremental milestones and a timeline?'],
    },
    { id: 'em', title: 'Engineering manager', responsibilities: pick(2), successCriteria: ['Is the team doing well?'] },
  ];
}
