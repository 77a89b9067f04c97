/// Where the synthetic generator draws an argument value from: each draw gives the text the query
/// shows and the JSON value the call passes.
enum ArgumentPool: Sendable {
    /// Strings shown and passed as they are.
    case strings([String])
    /// Shown text and a different passed value (e.g. "euros" -> "EUR").
    case labeled([(String, JSONValue)])
    /// Integers, uniformly.
    case integers(ClosedRange<Int>)
    /// Decimals `k / 10^scale` for k uniform in the range (passed as numbers).
    case decimals(ClosedRange<Int>, scale: Int)
}

/// A tool of the synthetic catalog: its schema, query clauses with `{parameter}` slots, and where each
/// parameter's values come from. A clause mentions every required parameter and any subset of the
/// optional ones; the call passes exactly the parameters its clause mentions.
struct ToolSpec: Sendable {
    let schema: ToolSchema
    let clauses: [String]
    let pools: [String: ArgumentPool]
}

private func req(_ name: String, _ type: String, _ description: String) -> ToolParameter {
    ToolParameter(name: name, type: type, description: description, required: true)
}

private func opt(_ name: String, _ type: String, _ description: String, _ def: JSONValue? = nil) -> ToolParameter {
    ToolParameter(name: name, type: type + ", optional", description: description, required: false, defaultValue: def)
}

private func tool(_ name: String, _ description: String, _ params: [ToolParameter], _ clauses: [String],
                  _ pools: [String: ArgumentPool]) -> ToolSpec {
    ToolSpec(schema: ToolSchema(name: name, description: description, parameters: params), clauses: clauses, pools: pools)
}

private let cities: ArgumentPool = .strings([
    "Paris", "Tokyo", "New York", "London", "Berlin", "Madrid", "Rome", "Sydney", "Toronto", "Mumbai",
    "Cairo", "Lagos", "Seoul", "Mexico City", "São Paulo", "Istanbul", "Bangkok", "Nairobi", "Lisbon", "Oslo",
    "Chicago", "San Francisco", "Singapore", "Dublin", "Vienna", "Zurich", "Buenos Aires", "Jakarta",
])
private let currencies: ArgumentPool = .labeled([
    ("US dollars", "USD"), ("euros", "EUR"), ("British pounds", "GBP"), ("Japanese yen", "JPY"),
    ("Swiss francs", "CHF"), ("Canadian dollars", "CAD"), ("Australian dollars", "AUD"), ("Indian rupees", "INR"),
    ("Chinese yuan", "CNY"), ("Mexican pesos", "MXN"), ("Brazilian reais", "BRL"), ("Swedish kronor", "SEK"),
])
private let currencyCodes: ArgumentPool = .strings(["USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "INR", "CNY"])
private let dates: ArgumentPool = .strings([
    "2025-01-15", "2025-02-03", "2025-03-14", "2025-04-22", "2025-05-09", "2025-06-30", "2025-07-04",
    "2025-08-18", "2025-09-01", "2025-10-31", "2025-11-11", "2025-12-24", "2026-01-02", "2026-02-28",
])
private let times: ArgumentPool = .strings(["07:30", "08:00", "09:15", "10:00", "11:45", "12:30", "14:00", "15:30", "16:45", "18:00", "19:30", "21:00"])
private let stocks: ArgumentPool = .strings(["AAPL", "MSFT", "GOOGL", "AMZN", "TSLA", "NVDA", "META", "NFLX", "IBM", "ORCL", "INTC", "AMD"])
private let languages: ArgumentPool = .labeled([
    ("French", "fr"), ("Spanish", "es"), ("German", "de"), ("Italian", "it"), ("Japanese", "ja"),
    ("Portuguese", "pt"), ("Korean", "ko"), ("Chinese", "zh"), ("Dutch", "nl"), ("Arabic", "ar"),
])
private let phrases: ArgumentPool = .strings([
    "Where is the train station?", "Thank you for your help", "The meeting starts at noon",
    "I would like a cup of coffee", "Good morning, how are you?", "The museum is closed on Mondays",
    "Please send me the report", "How much does this cost?", "See you tomorrow",
])
private let people: ArgumentPool = .strings([
    "alice@example.com", "bob.smith@example.org", "carol@company.com", "dave.lee@example.net",
    "erin@startup.io", "frank.miller@example.com", "grace@university.edu", "heidi@example.co.uk",
])

/// The synthetic catalog: realistic tools across weather, money, calendar, search, maths, units,
/// stocks, translation, timers, email, maps, travel, media, health and more.
let toolCatalog: [ToolSpec] = [
    tool("get_current_weather", "Get the current weather conditions for a city.",
         [req("location", "str", "The city name, e.g. Paris."), opt("unit", "str", "Temperature unit: celsius or fahrenheit.", "celsius")],
         ["check the current weather in {location}", "tell me what the weather is like in {location} right now",
          "get the current weather in {location} in {unit}"],
         ["location": cities, "unit": .strings(["celsius", "fahrenheit"])]),
    tool("get_weather_forecast", "Get the daily weather forecast for a city.",
         [req("location", "str", "The city name."), req("days", "int", "Number of days to forecast (1-14).")],
         ["get the {days}-day weather forecast for {location}", "show the weather forecast for {location} for the next {days} days"],
         ["location": cities, "days": .integers(1...14)]),
    tool("convert_currency", "Convert an amount of money from one currency to another.",
         [req("amount", "float", "The amount to convert."), req("from_currency", "str", "ISO 4217 code of the source currency."),
          req("to_currency", "str", "ISO 4217 code of the target currency.")],
         ["convert {amount} {from_currency} to {to_currency}", "tell me how much {amount} {from_currency} is in {to_currency}"],
         ["amount": .integers(5...5000), "from_currency": currencies, "to_currency": currencies]),
    tool("get_exchange_rate", "Get the current exchange rate between two currencies.",
         [req("base", "str", "ISO 4217 code of the base currency."), req("target", "str", "ISO 4217 code of the quote currency.")],
         ["get the exchange rate from {base} to {target}", "look up the current {base}/{target} exchange rate"],
         ["base": currencyCodes, "target": currencyCodes]),
    tool("create_calendar_event", "Create an event in the user's calendar.",
         [req("title", "str", "Title of the event."), req("date", "str", "Date in YYYY-MM-DD format."),
          req("time", "str", "Start time in HH:MM (24-hour) format."), opt("duration_minutes", "int", "Length of the event in minutes.", 60)],
         ["schedule \"{title}\" on {date} at {time}", "add an event called \"{title}\" to my calendar on {date} at {time} for {duration_minutes} minutes"],
         ["title": .strings(["Team standup", "Dentist appointment", "Project review", "Lunch with Sam", "Yoga class", "Quarterly planning", "Parent-teacher meeting"]),
          "date": dates, "time": times, "duration_minutes": .labeled([("15", 15), ("30", 30), ("45", 45), ("90", 90), ("120", 120)])]),
    tool("list_calendar_events", "List the events in the user's calendar on a given date.",
         [req("date", "str", "Date in YYYY-MM-DD format.")],
         ["list my calendar events on {date}", "show what is on my calendar for {date}"],
         ["date": dates]),
    tool("web_search", "Search the web and return the top results.",
         [req("query", "str", "The search query."), opt("num_results", "int", "How many results to return.", 10)],
         ["search the web for \"{query}\"", "find the top {num_results} web results for \"{query}\""],
         ["query": .strings(["best hiking trails in Colorado", "how to repot a cactus", "history of the printing press",
                             "python list comprehension examples", "cheap flights to Iceland", "symptoms of vitamin D deficiency",
                             "electric cars with the longest range", "how to make sourdough starter"]),
          "num_results": .integers(3...20)]),
    tool("search_news", "Search recent news articles on a topic.",
         [req("topic", "str", "The news topic."), opt("language", "str", "ISO 639-1 language code of the articles.", "en")],
         ["find the latest news about {topic}", "search for news about {topic} in {language}"],
         ["topic": .strings(["renewable energy", "the stock market", "space exploration", "climate policy", "artificial intelligence", "the World Cup", "inflation"]),
          "language": languages]),
    tool("evaluate_expression", "Evaluate an arithmetic expression and return the result.",
         [req("expression", "str", "The expression, e.g. 3 * (4 + 5).")],
         ["evaluate the expression {expression}", "compute {expression}"],
         ["expression": .strings(["12 * (3 + 4)", "2 ** 10 - 24", "(145 - 17) / 8", "3.5 * 12 + 7", "1000 / 16", "sqrt(144) + 9"])]),
    tool("solve_quadratic", "Solve the quadratic equation a*x^2 + b*x + c = 0.",
         [req("a", "int", "Coefficient of x^2."), req("b", "int", "Coefficient of x."), req("c", "int", "Constant term.")],
         ["solve the quadratic equation with coefficients a={a}, b={b} and c={c}", "find the roots of the quadratic with a = {a}, b = {b} and c = {c}"],
         ["a": .integers(1...9), "b": .integers(-20...20), "c": .integers(-30...30)]),
    tool("compute_factorial", "Compute the factorial of a non-negative integer.",
         [req("n", "int", "The integer.")],
         ["compute the factorial of {n}", "calculate {n}!"],
         ["n": .integers(0...20)]),
    tool("is_prime", "Check whether an integer is a prime number.",
         [req("number", "int", "The integer to test.")],
         ["check whether {number} is a prime number", "tell me if {number} is prime"],
         ["number": .integers(2...10_000)]),
    tool("compute_gcd", "Compute the greatest common divisor of two integers.",
         [req("a", "int", "The first integer."), req("b", "int", "The second integer.")],
         ["find the greatest common divisor of {a} and {b}", "compute gcd({a}, {b})"],
         ["a": .integers(2...999), "b": .integers(2...999)]),
    tool("convert_units", "Convert a length, mass or volume between units.",
         [req("value", "float", "The quantity to convert."), req("from_unit", "str", "The source unit."), req("to_unit", "str", "The target unit.")],
         ["convert {value} {from_unit} to {to_unit}", "tell me how many {to_unit} are in {value} {from_unit}"],
         ["value": .decimals(1...2000, scale: 1), "from_unit": .strings(["kilometers", "miles", "meters", "feet", "yards", "inches"]),
          "to_unit": .strings(["kilometers", "miles", "meters", "feet", "yards", "inches"])]),
    tool("convert_temperature", "Convert a temperature between Celsius, Fahrenheit and Kelvin.",
         [req("value", "float", "The temperature."), req("from_scale", "str", "celsius, fahrenheit or kelvin."), req("to_scale", "str", "celsius, fahrenheit or kelvin.")],
         ["convert {value} degrees {from_scale} to {to_scale}"],
         ["value": .integers(-40...220), "from_scale": .strings(["celsius", "fahrenheit", "kelvin"]), "to_scale": .strings(["celsius", "fahrenheit", "kelvin"])]),
    tool("get_stock_price", "Get the latest trading price of a stock.",
         [req("symbol", "str", "The ticker symbol, e.g. AAPL.")],
         ["get the current stock price of {symbol}", "look up how {symbol} is trading right now"],
         ["symbol": stocks]),
    tool("get_stock_history", "Get daily closing prices of a stock between two dates.",
         [req("symbol", "str", "The ticker symbol."), req("start_date", "str", "First day, YYYY-MM-DD."), req("end_date", "str", "Last day, YYYY-MM-DD.")],
         ["get the daily closing prices of {symbol} from {start_date} to {end_date}"],
         ["symbol": stocks, "start_date": .strings(["2024-01-02", "2024-03-01", "2024-06-03"]), "end_date": .strings(["2024-09-30", "2024-12-31", "2025-02-28"])]),
    tool("translate_text", "Translate text into another language.",
         [req("text", "str", "The text to translate."), req("target_language", "str", "ISO 639-1 code of the target language."),
          opt("source_language", "str", "ISO 639-1 code of the source language; detected when omitted.")],
         ["translate \"{text}\" into {target_language}", "translate \"{text}\" from {source_language} into {target_language}"],
         ["text": phrases, "target_language": languages, "source_language": .labeled([("English", "en")])]),
    tool("detect_language", "Detect the language of a piece of text.",
         [req("text", "str", "The text.")],
         ["detect the language of \"{text}\"", "tell me what language \"{text}\" is written in"],
         ["text": .strings(["Je voudrais un café", "¿Dónde está la biblioteca?", "Ich habe Hunger", "Obrigado pela ajuda", "Dank je wel", "Grazie mille"])]),
    tool("set_timer", "Start a countdown timer.",
         [req("duration_seconds", "int", "Timer length in seconds."), opt("label", "str", "A name for the timer.")],
         ["set a timer for {duration_seconds} seconds", "start a {duration_seconds}-second timer called \"{label}\""],
         ["duration_seconds": .labeled([("30", 30), ("45", 45), ("60", 60), ("90", 90), ("120", 120), ("300", 300), ("600", 600)]),
          "label": .strings(["pasta", "tea", "workout", "laundry", "break"])]),
    tool("set_alarm", "Set an alarm at a time of day.",
         [req("time", "str", "Time in HH:MM (24-hour) format."), opt("label", "str", "A name for the alarm.")],
         ["set an alarm for {time}", "set an alarm at {time} labelled \"{label}\""],
         ["time": times, "label": .strings(["wake up", "medication", "school run", "call mom"])]),
    tool("send_email", "Send an email.",
         [req("to", "str", "Recipient email address."), req("subject", "str", "Subject line."), req("body", "str", "Message body.")],
         ["email {to} with the subject \"{subject}\" saying \"{body}\"", "send an email to {to}, subject \"{subject}\", body \"{body}\""],
         ["to": people, "subject": .strings(["Meeting notes", "Invoice 4521", "Weekend plans", "Quick question", "Project update"]),
          "body": .strings(["See you at 3pm.", "The files are attached.", "Can we move our call to Friday?", "Thanks for the quick reply!", "The draft is ready for review."])]),
    tool("send_sms", "Send a text message to a phone number.",
         [req("phone_number", "str", "The phone number in international format."), req("message", "str", "The message text.")],
         ["text {phone_number} the message \"{message}\"", "send an SMS saying \"{message}\" to {phone_number}"],
         ["phone_number": .strings(["+14155550123", "+442071838750", "+33142685300", "+61293744000", "+81312345678"]),
          "message": .strings(["Running 10 minutes late", "Dinner is ready", "Call me when you land", "Happy birthday!"])]),
    tool("get_directions", "Get directions between two places.",
         [req("origin", "str", "Starting place."), req("destination", "str", "Destination."), opt("mode", "str", "driving, walking, bicycling or transit.", "driving")],
         ["get directions from {origin} to {destination}", "give me {mode} directions from {origin} to {destination}"],
         ["origin": cities, "destination": cities, "mode": .strings(["walking", "bicycling", "transit", "driving"])]),
    tool("get_distance", "Get the travel distance between two places in kilometers.",
         [req("origin", "str", "Starting place."), req("destination", "str", "Destination.")],
         ["tell me the distance between {origin} and {destination}", "find how far {destination} is from {origin}"],
         ["origin": cities, "destination": cities]),
    tool("find_nearby_places", "Find places of a given type near a location.",
         [req("location", "str", "The area to search."), req("place_type", "str", "Kind of place, e.g. restaurant."),
          opt("radius_meters", "int", "Search radius in meters.", 1000)],
         ["find {place_type} near {location}", "find {place_type} within {radius_meters} meters of {location}"],
         ["location": cities, "place_type": .labeled([("restaurants", "restaurant"), ("pharmacies", "pharmacy"), ("museums", "museum"),
                                                      ("gas stations", "gas station"), ("parks", "park"), ("cafes", "cafe"), ("hospitals", "hospital")]),
          "radius_meters": .labeled([("500", 500), ("1000", 1000), ("2000", 2000), ("5000", 5000)])]),
    tool("get_time_in_timezone", "Get the current local time in a time zone.",
         [req("timezone", "str", "IANA time zone name, e.g. Europe/Paris.")],
         ["tell me the current time in the {timezone} time zone", "get the local time for {timezone}"],
         ["timezone": .strings(["Europe/Paris", "Asia/Tokyo", "America/New_York", "Australia/Sydney", "America/Sao_Paulo", "Africa/Nairobi"])]),
    tool("search_flights", "Search for flights between two cities on a date.",
         [req("origin", "str", "Departure city."), req("destination", "str", "Arrival city."), req("date", "str", "Departure date, YYYY-MM-DD."),
          opt("passengers", "int", "Number of passengers.", 1)],
         ["search for flights from {origin} to {destination} on {date}", "find flights from {origin} to {destination} on {date} for {passengers} passengers"],
         ["origin": cities, "destination": cities, "date": dates, "passengers": .integers(2...6)]),
    tool("search_hotels", "Search for hotels in a city for given dates.",
         [req("city", "str", "The city."), req("check_in", "str", "Check-in date, YYYY-MM-DD."), req("check_out", "str", "Check-out date, YYYY-MM-DD."),
          opt("guests", "int", "Number of guests.", 2)],
         ["find hotels in {city} from {check_in} to {check_out}", "search for a hotel in {city} for {guests} guests, checking in {check_in} and out {check_out}"],
         ["city": cities, "check_in": .strings(["2025-05-01", "2025-06-12", "2025-07-20"]), "check_out": .strings(["2025-05-04", "2025-06-15", "2025-07-27"]),
          "guests": .integers(1...5)]),
    tool("get_movie_details", "Get details (year, director, rating) about a movie.",
         [req("title", "str", "The movie title.")],
         ["get details about the movie \"{title}\"", "tell me who directed \"{title}\""],
         ["title": .strings(["Inception", "Spirited Away", "The Godfather", "Parasite", "Amélie", "Mad Max: Fury Road", "Arrival"])]),
    tool("play_music", "Play a song, optionally by a given artist.",
         [req("song", "str", "The song title."), opt("artist", "str", "The performing artist.")],
         ["play \"{song}\"", "play \"{song}\" by {artist}"],
         ["song": .strings(["Bohemian Rhapsody", "Clair de Lune", "Hey Jude", "Blinding Lights", "Take Five"]),
          "artist": .strings(["Queen", "Debussy", "The Beatles", "The Weeknd", "Dave Brubeck"])]),
    tool("get_recipe", "Find a recipe for a dish.",
         [req("dish", "str", "The dish."), opt("servings", "int", "Number of servings.", 4)],
         ["find a recipe for {dish}", "find a recipe for {dish} that serves {servings}"],
         ["dish": .strings(["lasagna", "pad thai", "banana bread", "chicken curry", "ratatouille", "shakshuka"]), "servings": .integers(1...12)]),
    tool("calculate_bmi", "Calculate the body mass index.",
         [req("weight_kg", "float", "Weight in kilograms."), req("height_m", "float", "Height in meters.")],
         ["calculate the BMI for someone who weighs {weight_kg} kg and is {height_m} m tall"],
         ["weight_kg": .integers(45...130), "height_m": .decimals(150...205, scale: 2)]),
    tool("calculate_loan_payment", "Calculate the monthly payment of a fixed-rate loan.",
         [req("principal", "float", "The amount borrowed."), req("annual_rate", "float", "Annual interest rate in percent."), req("years", "int", "Loan term in years.")],
         ["calculate the monthly payment on a {principal} loan at {annual_rate}% over {years} years"],
         ["principal": .labeled([("10000", 10000), ("25000", 25000), ("150000", 150000), ("300000", 300000)]),
          "annual_rate": .decimals(20...95, scale: 1), "years": .integers(1...30)]),
    tool("calculate_tip", "Calculate the tip for a restaurant bill.",
         [req("bill_amount", "float", "The bill total."), req("tip_percent", "int", "Tip percentage.")],
         ["calculate a {tip_percent}% tip on a bill of {bill_amount}", "work out the tip on {bill_amount} at {tip_percent} percent"],
         ["bill_amount": .decimals(1000...25000, scale: 2), "tip_percent": .labeled([("10", 10), ("15", 15), ("18", 18), ("20", 20), ("25", 25)])]),
    tool("get_crypto_price", "Get the current price of a cryptocurrency.",
         [req("coin", "str", "The coin's symbol, e.g. BTC."), opt("currency", "str", "Currency for the price.", "USD")],
         ["get the price of {coin}", "get the price of {coin} in {currency}"],
         ["coin": .strings(["BTC", "ETH", "SOL", "ADA", "DOGE", "XRP"]), "currency": currencies]),
    tool("create_todo", "Add an item to the user's to-do list.",
         [req("task", "str", "What to do."), opt("due_date", "str", "Due date, YYYY-MM-DD.")],
         ["add \"{task}\" to my to-do list", "add \"{task}\" to my to-do list, due {due_date}"],
         ["task": .strings(["buy groceries", "renew passport", "call the plumber", "submit expense report", "water the plants"]), "due_date": dates]),
    tool("get_word_definition", "Look up the definition of an English word.",
         [req("word", "str", "The word.")],
         ["define the word \"{word}\"", "look up what \"{word}\" means"],
         ["word": .strings(["serendipity", "ephemeral", "ubiquitous", "quixotic", "laconic", "sonder"])]),
    tool("generate_password", "Generate a random password.",
         [req("length", "int", "Number of characters."), opt("include_symbols", "bool", "Whether to include symbols.", false)],
         ["generate a password with {length} characters", "generate a {length}-character password and set include_symbols to {include_symbols}"],
         ["length": .integers(8...32), "include_symbols": .labeled([("true", true), ("false", false)])]),
    tool("get_population", "Get the population of a country.",
         [req("country", "str", "The country name."), opt("year", "int", "The year; the latest estimate when omitted.")],
         ["get the population of {country}", "tell me the population of {country} in {year}"],
         ["country": .strings(["Japan", "Brazil", "Nigeria", "Germany", "India", "Canada", "Egypt", "Indonesia"]), "year": .integers(1960...2020)]),
]
