from idv_provider.sensors.batch import SessionsSubmittedSensor
from idv_provider.sensors.sessions import SessionSubmittedSensor

__all__ = ["SessionSubmittedSensor", "SessionsSubmittedSensor"]
