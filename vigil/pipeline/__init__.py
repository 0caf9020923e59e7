"""The run pipeline, with no I/O of its own: the ports (Planner, Executor, Evaluator,
EventSink), `pipeline.Pipeline` tying them together with events and one timeout, the rule
evaluator, and `scripted`, the test doubles shipped beside them. Concrete adapters are wired in
by the composition root, `vigil/services.py`."""
