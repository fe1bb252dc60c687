/** The checker's own safety net, documented like a rule so that its finding links somewhere. */
import { defineRules } from '../rule.ts';

export const checkerRules = defineRules([
  {
    id: 'checker/internal-error',
    severity: 'warning',
    description: 'Every rule ran to completion',
    why: 'If a rule fails on an unusual file, the other rules still run and the report says which rule could not finish, rather than the checker failing as a whole.',
    fix: 'The report is incomplete for that rule. Please report the file shape (without secrets) to the stepdocs maintainers.',
    bad: '(a rule that failed on an unexpected document shape)',
    good: '(every rule completed)',
    check: { stage: 'engine' },
  },
]);
