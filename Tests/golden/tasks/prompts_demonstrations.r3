# Prompts and demonstrations in the compact (default) and chat styles; gold completions verify.
let t = countdown.task(nums: [44, 19, 35], target: 98)
print(prompt(t))  # expect: 44 19 35>98:
print(demonstration(t))  # expect: ["prompt": "44 19 35>98:", "completion": "44+35+19\n"]
print(demonstration(t, style: "chat").completion)  # expect: <answer> 44 + 35 + 19 </answer>
print(prompt(t, style: "chat").hasPrefix("Using the numbers [44, 19, 35], create an equation that equals 98."))  # expect: true
print(demonstration(countdown.task(nums: [2, 3], target: 7)))  # expect: nil
let ds = countdown.generate(count: 30, seed: 2)
let demos = ds.demonstrations()
print(demos.count, ds.prompts()[0] == demos[0].prompt)  # expect: 30 true
print(demos.allSatisfy(fn(d) { d.completion.hasSuffix("\n") }))  # expect: true
var ok = 0
for i in 0..<ds.count { if countdown.verify(ds[i], demos[i].completion).passed { ok += 1 } }
print(ok)  # expect: 30
let chat = ds.demonstrations(style: "chat")
print(chat.count, countdown.verify(ds[0], chat[0].completion, answerTags: true).passed)  # expect: 30 true
# Tasks without a gold completion are left out, with a warning.
let mixed = dataset([t, countdown.task(nums: [2, 3], target: 7), task(["prompt": "hi"]), task(["prompt": "say a", "answer": "a"])])
print(mixed.demonstrations().map(fn(d) { d.completion }))
# expect: warning: Dataset.demonstrations(): left out 2 tasks without a gold completion (items 1, 2)
# expect: ["44+35+19\n", "a"]
prompt(t, style: "fancy")  # expect error: prompt(): argument 'style' must be "compact" (tiny character-level models) or "chat" (instruct models), got "fancy"
