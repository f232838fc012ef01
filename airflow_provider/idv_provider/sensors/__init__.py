from idv_provider.sensors.sessions import SessionSubmittedSensor

__all__ = ["SessionSubmittedSensor"]
