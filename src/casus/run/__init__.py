"""Running the stages: the pipeline, worker processes, Dask, loading, benchmarks."""
