"""LLM agents through pydantic-ai (DESIGN §4 "LLM mode"): the only package importing it.

The rest of Vigil sees plain ports (Planner, Evaluator) and ModelError; which provider, how
its errors look and how its output is validated stay in here.
"""
