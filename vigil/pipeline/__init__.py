"""The run pipeline without I/O of its own: the ports (Planner, Executor, Evaluator,
EventSink), `run_test` tying them together, and the rule evaluator. Concrete adapters are
wired in by the composition root, `vigil/services.py`."""
