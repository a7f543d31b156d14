// Benchmarks print figures; run with `make bench` (release build).
print("posthog-install benchmarks")
EffectsBenchmark.run()
KubeBenchmark.run()
YAMLBenchmark.run()
GoTemplateBenchmark.run()
ValuesBenchmark.run()
HelmBenchmark.run()
