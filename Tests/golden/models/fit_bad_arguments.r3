# fit checks its settings and names them.
let m = gpt(vocab: tokenizer.chars("ab"), layers: 1, dim: 8, heads: 2, context: 16)
try { fit("model", ["ab"]) } catch e { print(e) }  # expect: fit(): argument 'model' must be a Model (from gpt(...), llama(...) or load(path)), got string
try { fit(m, ["ab"], steps: 0) } catch e { print(e) }  # expect: fit(): argument 'steps' must be at least 1, got 0
try { fit(m, ["ab"], batchSize: -1) } catch e { print(e) }  # expect: fit(): argument 'batchSize' must be at least 1, got -1
try { fit(m, ["ab"], lr: 0) } catch e { print(e) }  # expect: fit(): argument 'lr' must be a positive number, got 0
try { fit(m, ["ab"], minLrRatio: 2) } catch e { print(e) }  # expect: fit(): argument 'minLrRatio' must be between 0 and 1, got 2
try { fit(m, ["ab"], clip: -1) } catch e { print(e) }  # expect: fit(): argument 'clip' must be a positive number (or nil for no clipping), got -1
try { fit(m, ["ab"], maxLength: 1) } catch e { print(e) }  # expect: fit(): argument 'maxLength' must be at least 2, got 1
try { fit(m, ["ab"], maxLength: 100) } catch e { print(e) }  # expect: fit(): argument 'maxLength' (100) is longer than the model's context of 16 tokens; leave it out to cut examples to the context
try { fit(m, ["ab"], checkpointEvery: 5) } catch e { print(e) }  # expect: fit(): checkpointEvery: 5 needs a checkpointDir
try { fit(m, ["ab"], packing: "yes") } catch e { print(e) }  # expect: fit(): argument 'packing' must be true or false, got string
try { fit(m, ["ab"], resume: "/tmp/r3-golden-models-no-checkpoint") } catch e { print(e) }
# expect: fit(): /tmp/r3-golden-models-no-checkpoint: no checkpoint (no trainer_state.json) to resume from
fit(m, ["ab"], lr: nan)  # expect error: fit(): argument 'lr' must be a positive number, got nan
