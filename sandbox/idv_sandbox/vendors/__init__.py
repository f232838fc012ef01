"""One subpackage per vendor: its routes, service and pages, and a ``VENDOR`` record
(:class:`idv_sandbox.registry.SandboxVendor`)."""
