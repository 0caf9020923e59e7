from bench.realapps.goals import GoalSet

GOALS = GoalSet("sqladmin")
