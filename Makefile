# Convenience targets; the logic lives in scripts/.
.PHONY: setup build run test bench clean

setup:
	bash scripts/setup.sh

build: setup
	swift build

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

bench:
	bash scripts/bench.sh

clean:
	rm -rf .build
