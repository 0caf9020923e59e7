from bench.realapps.goals import GoalSet

GOALS = GoalSet("django_admin")
