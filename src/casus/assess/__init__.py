"""Assessment: shipped knowledge, the reference class and model, the answer for a scenario."""
