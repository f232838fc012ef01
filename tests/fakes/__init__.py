"""What the tests and the benchmarks share: vendor payloads and a task's context, faked."""
