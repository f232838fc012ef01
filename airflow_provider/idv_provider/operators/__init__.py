from idv_provider.operators.sessions import CreateSessionOperator, DecideSessionOperator

__all__ = ["CreateSessionOperator", "DecideSessionOperator"]
