// Benchmarks print figures; run with `make bench` (release build).
print("posthog-install benchmarks")
KubeBenchmark.run()
