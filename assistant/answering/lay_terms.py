"""Everyday words read as the sources word them. A question typed by a patient, a relative or a
student ("is it broken down by the liver?", "can you OD on it?", "who came up with it?") is
rewritten with the sources' words before it is planned and searched, so the planner's intent
rules and retrieval, which know the clinical words, find the records that answer it.
:func:`clinical_reading` is applied once, by :func:`assistant.answering.plan.plan_question`.
"""

from __future__ import annotations

import re

# Everyday words for what the sources name clinically: a question in lay words is read with the
# sources' words before it is planned and searched ("the spasm pill" -> baclofen, "booze" ->
# alcohol, "expecting" -> pregnant). Longest phrases first; matching ignores case.
LAY_TERMS: tuple[tuple[str, str], ...] = (
    # "needed their stomach washed out": gastric lavage, not a drug washing out of the body
    (
        r"(?:stomachs? (?:washed out|washed|pumped|emptied)|(?:wash|washed|pump|pumped) (?:out )?"
        r"(?:his|her|their|the|my) stomachs?)",
        "gastric lavage",
    ),
    (
        r"(?:the|this|that|my|his|her|their|your|a) (?:muscle.?relax(?:ant|er)|anti.?spas\w+|spasm|spasticity)"
        r" (?:drug|pills?|medicines?|medications?|tablets?)",
        "baclofen",
    ),
    (
        r"(?:the|this|that|my|his|her|their|your) muscle.?relax(?:ant|er)s?(?: tablets| pills)?",
        "baclofen",
    ),
    (
        r"(?:the|this|that|my|his|her|their|your|a) muscle (?:pills?|tablets?|drug|medicine)",
        "baclofen",
    ),
    (r"\bgps?\b|\bfamily doctors?\b|\bfamily practices?\b", "general practitioners (primary care)"),
    (r"(?:for )?a (?:whole|full|entire) year", "for 12 months"),
    (r"\bvets\b(?= with| who| in)", "veterans"),
    (
        r"ex-?(?:army|military|forces|soldier|serviceman|servicewoman|marine|navy)|former soldier"
        r"|army veteran",
        "a veteran",
    ),
    # "the doctor who wrote about sorting out his own drinking": a physician's self-case report
    (
        r"(?:sorting out|sorted out|treating|treated|curing|cured|fixing|fixed|beating|beat)"
        r" (?:his|her) own (?:drinking|alcoholism|alcohol problem|alcohol dependence|addiction)",
        "a physician's self-case report of his own alcohol dependence",
    ),
    (  # "were the trials consistent with each other?": how much their results differed
        r"\b(?:were|are) the (?:trials|studies|results) (?:consistent|in agreement|similar)"
        r"(?: with each other| to each other| across (?:the )?(?:trials|studies))?",
        "how much heterogeneity was there between the trials",
    ),
    (r"\bhep(?:atitis)?[ -]?c\b", "hepatitis C"),
    (r"\bguys\b|\bblokes\b|\bfellas\b|\bdudes\b", "people"),
    (r"liver damage(?: from (?:drinking|alcohol|booze))?|damaged livers?", "liver cirrhosis"),
    (
        r"problem (?:boozing|drinking)|(?:serious|bad) (?:booze|drinking) problem|hooked on (?:the )?booze",
        "alcohol use disorder",
    ),
    (r"heavy boozers?|boozers|heavy drinkers?", "heavy drinkers"),
    (r"(?:hit|hits|hitting) the (?:bottle|booze|sauce)", "drinking alcohol"),
    (
        r"binge(?:s|ing)? on (?:booze|alcohol|drink)|binge drinking|drinking binges?|benders?",
        "heavy drinking",
    ),
    (r"boozing|the booze|booze", "alcohol"),
    (
        r"(?:a few |some |a couple of |two |three )?(?:beers|pints|glasses of wine)|a glass of wine"
        r"|a (?:beer|pint)",
        "alcohol",
    ),
    (r"on top of", "with"),
    (r"at first|to begin with", "initially"),
    (r"(?:while|when|whilst) (?:i'?m |she'?s |you'?re )?nursing(?! home)", "while breastfeeding"),
    (r"(?:hay ?fever|allergy) (?:tablets|pills|medicines?|meds|medication)", "antihistamines"),
    (r"water (?:tablets?|pills?)", "diuretic tablets"),
    (
        r"(?:tablets|pills|medicines?|meds|medication) for (?:his|her|their|my|your) (?:heart and )?"
        r"blood pressure",
        "blood pressure tablets",
    ),
    (
        r"blood[ -]?press?ure (?:pills?|tablets?|meds|medicines?|medications?)",
        "blood pressure tablets",
    ),
    # "stops breathing for a few seconds at night", "snores like a train"
    (
        r"(?:stops?|stopped|stopping) breathing (?:\w+ ){0,4}?(?:at night|in (?:his|her|their|my) sleep"
        r"|while (?:he|she|they|i) (?:sleeps?|is asleep|are asleep))",
        "sleep apnoea (pauses in breathing during sleep)",
    ),
    (
        r"(?:his|her|their|my|the) (?:blood )?sugars? (?:levels? )?(?:have|has|had)? ?(?:been )?"
        r"(?:running |going |gone |creeping )?(?:higher|up|high)",
        "raised blood glucose",
    ),
    (r"blood sugars?(?: levels?)?", "blood glucose"),
    # "off the bottle", "a sensible amount", "big daily amounts of it"
    (
        r"(?:were|was|are|is|been|be|stayed|stay) off the (?:bottle|booze|sauce)",
        "were abstinent from alcohol",
    ),
    # "managed to give up the drink completely", "stopped drinking altogether"
    (
        r"(?:give|gave|giving|given) up (?:the )?(?:drink|drinking|booze|alcohol)(?: completely"
        r"| altogether| entirely| for good)?|(?:stop|stopped|quit|quitting) (?:drinking|the drink"
        r"|the booze|alcohol) (?:completely|altogether|entirely|for good)",
        "became completely abstinent",
    ),
    (
        r"(?:only )?(?:having|drinking) (?:a )?(?:sensible|safe|moderate) amounts?",
        "drinking at low risk",
    ),
    (r"big (?:daily )?(?:amounts|doses)", "high doses"),
    # "breathing in sick", "choked on his vomit": what the poisoning records call it
    (
        r"(?:breath\w*|inhal\w*|chok\w*) (?:in |on )?(?:his |her |their |the |some )?(?:own )?"
        r"(?:sick|vomit|puke)",
        "aspiration pneumonitis (inhaling vomit)",
    ),
    # "the pump that feeds the medicine into his spine"
    (
        r"(?:the |a )?pump (?:\w+ ){0,8}?(?:into|in|to) (?:his|her|their|the|my|your) spin\w*"
        r"(?: fluid| cord)?",
        "the intrathecal baclofen pump",
    ),
    (
        r"weight.?(?:adjusted|based)|per (?:kilo|kilogram|kg)(?: of (?:body ?weight|weight))?",
        "mg/kg body-weight",
    ),
    (
        r"(?:osteo|rheumatoid )?arthritis|rheumatism|(?:rheumatoid|osteo) arthritis",
        "rheumatic disorder (arthritis)",
    ),
    (
        r"before (?:they|he|she|the (?:patients|people|participants)|patients|people|participants)"
        r" (?:started|began|joined|were treated)(?: (?:treatment|the trial|the study|it|baclofen))?"
        r"|(?:at|from) the (?:very )?(?:start|outset)|going in",
        "at baseline",
    ),
    (
        r"(?:stay|stays|staying|kept|keep|keeps|keeping|remain|remaining) (?:dry|sober"
        r"|off (?:the )?(?:booze|drink|bottle|alcohol)|on the wagon)",
        "stay abstinent from alcohol",
    ),
    (
        r"(?:get|gets|getting|got|come|comes|coming|came) off (?:the )?(?:drink|bottle|alcohol)",
        "stop drinking alcohol",
    ),
    (r"slipping back|fall(?:ing)? off the wagon", "relapse"),
    (r"(?:already |been )?detoxed", "already abstinent after detoxification"),
    (
        r"(?:forgot|forgotten|forgetting|skipped|skipping|skip)"
        r" (?=(?:a few |several |some |two |three |a couple of |multiple |my |his |her )?doses)",
        "missed ",
    ),
    (
        r"miss(?:ed|ing)? (?:a few |several |some |two |three |a couple of |multiple |my |his |her )?doses",
        "stop baclofen suddenly",
    ),
    (
        r"(?:forgot|forgotten|forgetting) (?:to take )?(?:my |his |her |their |your )?(?:baclofen|pills"
        r"|tablets|meds|medication|medicine)(?= for (?:a |the |two |three |four |five |several "
        r"|a few |a couple of |\d+ )?(?:days?|weeks?|weekend))",
        "stopped baclofen suddenly",
    ),
    (
        r"(?:want|wanting|wants) (?:to drink|a drink|booze|alcohol|drugs)(?: so (?:badly|much))?"
        r"|urges? to (?:drink|use)|(?:dying|gagging|gasping|itching) for a drink",
        "craving",
    ),
    (
        r"(?:can'?t stop )?(?:thinking|think|thinks|obsessing|obsessed|obsess) (?:about|over|with)"
        r" (?:alcohol|drinking|a drink|the drink|drugs|using)"
        r" (?:all (?:the )?(?:time|day)|constantly|nonstop|every day|24/7)",
        "craving",
    ),
    (
        r"(?:takes? away|taking away|took away|get rid of)(?= (?:the |my |his |her |your |their )?crav)",
        "reduce",
    ),
    (r"kicking (?:a |the )?(?:smack|heroin|opioid|junk) habit", "opioid withdrawal"),
    (r"\bsmack\b|\bjunk\b", "heroin"),
    (r"\bcoke\b|\bblow\b", "cocaine"),
    (
        r"crystal meth|\bcrystal\b(?= meth| users?| habit)|(?<=on )crystal\b|\bice\b(?= users| habit)"
        r"|\bspeed\b(?= users?| habit| addict\w*| dependence)|(?<=on )speed\b|(?<=taking )speed\b",
        "methamphetamine",
    ),
    (r"liquid ecstasy|liquid x|\bG\b(?= \(the party drug\)| the party drug)|\bgina\b", "GHB"),
    (
        r"(?:ringing|buzzing|whooshing|hissing) (?:noise |sound )?in (?:(?:his|her|my|their|the) )?"
        r"(?:ears?|head)|(?:constant )?(?:buzzing|ringing) (?:noise|sound)(?: in (?:his|her|my|their"
        r"|the) (?:ears?|head))?",
        "tinnitus",
    ),
    (
        r"(?:the )?shaking (?:illness|disease|palsy)|parkinson'?s(?: disease)?",
        "Parkinson's disease",
    ),
    (r"(?:the )?(?:syrup|liquid|drink(?:able)?) (?:version|form|kind|type)", "oral solution"),
    (r"\bthe (?:syrup|liquid)\b", "the oral solution"),
    (  # "when does the most of it get into my milk?"
        r"\b(?:the )?most (?:of it )?(?:gets?|goes|passes|is) (?:in|into) (?:my|the|her|breast) ?milk\b",
        "the peak level in breast milk",
    ),
    (r"\bpoisons? (?:line|help ?line|hot ?line|centre|center)\b", "poisons information centre"),
    (r"\bbirth defects?\b|\bdeformit(?:y|ies)\b", "fetal abnormalities in pregnancy"),
    (  # "does the same go for the liquid?": the question before, asked of something else
        r"^\s*(?:and\s+)?(?:does|do|would|is|are|will) (?:the same|that|this|it|they)"
        r"(?: the same)? (?:go|apply|hold|count|be true|true|work)(?: true)? (?:for|with|in|to)\b",
        "what about",
    ),
    (
        r"liver (?:readings?|numbers|levels|results|blood tests?|tests?|function tests?)"
        r"(?: (?:had |have |has )?(?:gone|went|go) up| (?:were|was|are|is) (?:high|raised|up))?",
        "liver enzymes (laboratory tests, AST, alkaline phosphatase)",
    ),
    (r"kick(?:s|ed)? in (?:quicker|faster|sooner)", "reach peak levels sooner"),
    (
        r"light up|pack.?a.?day (?:person|smoker|habit)|\bcigs\b|\bciggies\b"
        r"|\bsmokes\b(?! (?:weed|pot|grass|joints?|cannabis|marijuana|a joint))",
        "smoke cigarettes",
    ),
    (r"\bweed\b|\bstoners?\b|\b(?:smok\w*|on|using|uses?) (?:pot|grass|joints?)\b", "cannabis"),
    (r"pain.?killers?|pain (?:pills|meds|tablets)", "opioids"),
    (r"(?:get|getting|got|become|became|be) hooked on", "become dependent on"),
    (r"hooked on", "addicted to"),
    (
        r"(?:broken down|breaks? down|processed|processes|digested|handled|dealt with)"
        r"(?= (?:by|in|through) (?:the |your |his |her |their )?liver)"
        r"|(?:broken down|breaks? down)(?= (?:in|by) (?:the|your) body|\s*\?|\s*$)",
        "metabolised",
    ),
    (
        r"(?:broken down|processed|handled|dealt with|filtered|got rid of|gotten rid of)"
        r"(?= (?:by|in|through) (?:the |your |his |her |their )?kidneys?)",
        "excreted",
    ),
    (
        r"(?:flushed|cleared|washed) out(?: of (?:your|the) (?:body|system))?",
        "eliminated from the body",
    ),
    (r"(get|gets|getting|got) out of (?:your|the) (?:body|system)", r"\1 eliminated from the body"),
    (r"leave (?:your|the) (?:body|system)", "get eliminated from the body"),
    (r"leaves (?:your|the) (?:body|system)", "gets eliminated from the body"),
    (r"leaving (?:your|the) (?:body|system)", "elimination from the body"),
    (r"wears? off|stays? in (?:your|the) (?:body|system)", "half-life elimination"),
    (
        r"(?:come|go|pass) out (?:in|through|with) (?:your |the |my )?(?:pee|urine|wee|water)",
        "get excreted in the urine",
    ),
    (
        r"(?:comes|goes|passes) out (?:in|through|with) (?:your |the |my )?(?:pee|urine|wee|water)",
        "gets excreted in the urine",
    ),
    (
        r"(?:up and down|back and forth|running|going|getting up) (?:to|at) the (?:toilet|loo"
        r"|bathroom|lavatory)(?: to (?:pee|wee))?(?: (?:all day|all night|day and night|at night"
        r"|all the time|constantly))*(?: and night)?"
        r"|(?:pee|peeing|wee|weeing) (?:a lot|more|all the time|more often|often|all day"
        r"|all night|day and night|at night|constantly)(?: and night)?"
        r"|(?:need|needing|have|having) to (?:pee|wee) (?:a lot|more|all the time|more often|often"
        r"|all day|all night|at night|constantly)",
        "urinary frequency",
    ),
    (r"\bpee\b", "urine"),
    (
        r"(?:my|his|her|their|your|a|the) livers? (?:is|are|was) (?:shot|wrecked|damaged|bad|gone)"
        r"|(?:wrecked|shot|damaged|bad|scarred|pickled) livers?",
        "liver cirrhosis",
    ),
    (r"(?:an? )?fatty livers?(?: disease)?|liver (?:problems?|trouble|issues)", "liver disease"),
    (
        r"\b(?:ever )?legal(?= for| in| to)|\ballowed(?= for)|allowed by (?:the )?(?:government|law"
        r"|authorities)|licensed(?= for| in| as| anywhere|\s*\?|\s*$)",
        "approved",
    ),
    (
        r"(?:does|do|will|would|did|has|have) (?:the )?(?:government|authorities|health authorities"
        r"|state|officials|regulators?|law) (?:allow|permit|approve|let)(?:ed)?"
        r" (baclofen|it|this drug|the drug|this medicine|the medicine)",
        r"is \1 approved",
    ),
    (
        r"((?:my |a |the |your |his |her |their )?(?:doctors?|physicians?|psychiatrists?|specialists?"
        r"|nurses?|general practitioners \(primary care\))) (?:give|gives|put|puts)"
        r" (?:me|him|her|you|us|them|people|patients)(?: on)?(?= baclofen| it\b)",
        r"\1 prescribe",
    ),
    (r"get (baclofen|it) (?:on|with) (?:a |the )?prescription", r"get \1 prescribed"),
    (
        r"(?:who is |someone )?expecting(?! (?:to|that|it|results?|much|more|less|any|some|the|this"
        r"|baclofen)\b)(?: a baby)?|with child|pregnant woman|(?<!after )(?:having|carrying) a baby"
        r"|bun in the oven",
        "pregnant",
    ),
    (
        r"nurs(?:e|ing) (?:her|the|a|their) (?:little one|baby|infant|newborn)|nursing mother",
        "breastfeeding",
    ),
    (r"(\d+|a few) weeks? (?:gone|along)", r"\1 weeks pregnant"),
    (r"breast-?milk", "breast milk"),
    (
        r"when (?:i|she|you) (?:feed|feeds|nurse|nurses) (?:him|her|them|the baby|my baby)",
        "while breastfeeding",
    ),
    (r"(?:my|our|her|the|their) baby is due", "she is pregnant and the baby is due"),
    (
        # "still feeding my little boy myself": feeding a baby oneself is breastfeeding
        r"(?:feed|feeds|feeding|fed) (?:my|her|our|the|a|their) (?:little (?:one|boy|girl)|baby"
        r"|newborn|infant|son|daughter|twins|babies)(?: \w+)? (?:myself|herself|ourselves|themselves"
        r"|from the breast|on the breast|my own milk|her own milk)|(?:feed|feeding|fed) (?:him|her"
        r"|them) (?:myself|herself|from the breast|on the breast|my own milk|her own milk)",
        "breastfeeding",
    ),
    (
        r"blood.?cleaning organs|weak kidneys|kidneys? (?:that )?(?:don'?t|do not) work (?:well)?",
        "kidney impairment",
    ),
    (r"on life support|breathing machine|ventilator", "mechanical ventilation intensive care"),
    (
        r"\bpensioners\b|\bseniors\b|\bold(?:er)? folks?\b|\bold (?:people|men|women|ladies|age)\b",
        "older adults",
    ),
    # how a side effect feels
    (
        r"knock(?:s|ed|ing)? (me|you|him|her|them|people|us) (?:out|for six|sideways)",
        r"make \1 drowsy",
    ),
    (
        r"(?:spaced|zoned|zonked) out|zonked|groggy|dopey|doped up|(?:like a |a )?zombie(?:.like)?",
        "drowsy",
    ),
    (r"woozy|light.?headed|giddy", "dizzy"),
    (
        r"(?:(?:your |my |his |her |their )?(?:head|mind|brain|thinking) (?:feels? |is |gets? )?)?"
        r"(?:foggy|fuzzy|cloudy)|brain.?fog|fuzzy.?headed|(?:can'?t|cannot) think (?:straight|clearly)",
        "confused",
    ),
    (r"\bmuddled\b|\bconfused\b", "confusion encephalopathy"),
    (
        r"(?:make|makes|making|made) (?:you|me|him|her|them|people) (?:put on|gain|pile on) weight"
        r"|(?:make|makes|made) (?:you|me|him|her|them|people) fat",
        "cause weight gain",
    ),
    (r"(?:put|puts|putting) on weight|piling on (?:the )?pounds", "gain weight"),
    (
        r"(cause|causes|caused|causing|trigger|triggers|triggered|bring on|brings on|brought on|have"
        r"|has|had|having|get|gets|got|getting|prone to|history of|with|suffers? from|suffering from)"
        r" (?:epileptic )?fits(?! of\b)",
        r"\1 seizures",
    ),
    (
        r"(have|has|had|having|get|gets|got|getting) an? (?:epileptic )?fit(?! (?:of|for|to|in)\b)",
        r"\1 a seizure",
    ),
    (
        r"(cause|causes|causing|trigger|triggers|bring on|brings on) (?:head problems|mental (?:health )?"
        r"(?:problems|issues|illness(?:es)?)|psych(?:iatric|ological)? (?:problems|issues))",
        r"\1 psychiatric disorders",
    ),
    (
        r"(drive|drives|driving) (?:a|my|his|her|the|their|your) (?:car|vehicle|truck|lorry|van|bus"
        r"|motorbike)",
        r"\1",
    ),
    (r"(?:get|be|being|getting) behind the wheel", "drive"),
    # "worked up to 180 mg" is a dose raised step by step; "all worked up" is agitation
    (
        r"(?:were|was|been|being|got|get|gets) (?:slowly |gradually )?worked up (?=to|towards)"
        r"|worked up (?=to \d|towards)",
        "titrated ",
    ),
    (r"worked up|agitated", "agitation"),
    (r"the shakes", "withdrawal symptoms"),
    (r"(?:got|get|getting) rid of half", "half-life"),
    (r"nerve cells", "neurons"),
    (r"unwanted effects|bad effects", "side effects"),
    (
        r"sleeping (?:pills|tablets)|sleep(?:ing)? aids",
        "sleeping pills (sedatives, CNS depressants)",
    ),
    (r"drug watchdog|drug regulator|medicines regulator", "regulator"),
    (r"washington'?s regulator|american regulator", "FDA"),
    (r"\baussie\b", "Australian"),
    (r"rulebook|rule book", "guideline"),
    (r"signed off on|given the green light to|okayed", "approved"),
    (r"took a pile of|swallowed a (?:pile|heap|load) of", "overdosed on"),
    (
        r"(someone|somebody|a person|a child|people) (?:swallows?|takes?|eats?) (?:a |the )?whole"
        r" (?:packet|bottle|box|strip|pack|blister)(?: of)?",
        r"\1 overdoses on",
    ),
    (
        r"(someone|somebody|a person|people) (?:takes?|took|swallows?|swallowed)"
        r" (?:way )?too (?:much|many)(?= baclofen| pills| tablets|\?|$)",
        r"\1 overdoses on",
    ),
    (r"on purpose", "deliberately"),
    # "keeps falling asleep at the table": drowsiness, the labels' commonest reaction
    (
        r"(?:keeps?|kept|keeping) (?:falling|dropping|nodding) (?:asleep|off)|(?:falls|fell|falling"
        r"|nodding|nods|nodded) (?:asleep|off) (?:all the time|all day|during the day|at the table"
        r"|in (?:his|her|the) chair)",
        "is drowsy",
    ),
    # "totally wired, talks nonstop and barely sleeps": what the safety review calls mania
    (r"overexcited|over-excited|hyper|wired up|wired", "manic"),
    (r"(?-i:\bMS\b)", "multiple sclerosis"),
    (r"(?<!muscle )stiffness|stiff muscles", "spasticity"),
    # "should we make him sick to get it out?": emptying the stomach after an overdose
    (
        r"(?:try(?:ing)? to )?(?:make|making) (?:him|her|them|me|you|the (?:child|kid|baby)) (?:be )?"
        r"(?:sick|throw up|vomit|puke) (?:to get (?:it|them|the \w+|\w+) (?:out|up)|so (?:it|they)"
        r" (?:comes?|come) (?:out|up))",
        "empty the stomach",
    ),
    (
        r"((?:should|can|could|do|shall|must) (?:we|i|you)) (?:try to )?(?:make|get)"
        r" (?:him|her|them|me|you|the (?:child|kid|baby)) (?:to )?(?:be )?(?:sick|throw up|vomit|puke)",
        r"\1 empty the stomach",
    ),
    (r"(?:make|makes|made|making) (?:you|me|him|her|them|people) (?:feel )?sick", "cause nausea"),
    (
        r"(?:make|makes|made|making) (?:you|me|him|her|them|people) (?:throw up|vomit|puke|be sick)",
        "cause vomiting",
    ),
    (
        r"sick to (?:my|his|her|their|your|the) stomach|(?:feel|feels|feeling|felt) sick|queasy",
        "nausea",
    ),
    (r"throw(?:ing|s)? up|threw up|puk\w*", "vomiting"),
    (
        r"(?:a |an )?(?:shot|injection|jab|medicine|drug|pill) that (?:reverses|undoes|cancels"
        r"|counteracts)(?: it| them| the effects?| an overdose)?|reverse (?:it|an overdose|the effects?)",
        "antidote",
    ),
    (r"swallowed (?:far |way |much )?too (?:many|much)(?: of)?", "overdosed on"),
    (
        r"(you|i|he|she|they|we|my \w+|his \w+|her \w+) took (?:way |far |much )?too (?:much|many)"
        r"(?: of)?(?= baclofen| (?:his|her|my|their|your|the|those|these) | pills| tablets)",
        r"\1 overdosed on",
    ),
    (
        r"(you|i|he|she|they|we|my \w+|his \w+|her \w+) (?:take|takes|swallow|swallows)"
        r" (?:way |far |much )?too (?:much|many)(?: of)?(?= baclofen| (?:his|her|my|their|your|the|those"
        r"|these) | pills| tablets)",
        r"\1 overdose on",
    ),
    (
        r"(you|i|he|she|they|we|my \w+|his \w+|her \w+) (?:took|take|takes) (?:way |far |much )?"
        r"too (?:much|many)(?=\s*[?.!]|\s*$)",
        r"\1 overdosed",
    ),
    (
        r"od(?:'d|'ed|ed)|overd(?:id|one) it(?!.{0,25}\b(?:drink\w*|booze|alcohol|beers?|wine|exercise|gym))",
        "overdosed",
    ),
    (
        r"od'?ing|overdoing it(?!.{0,25}\b(?:drink\w*|booze|alcohol|beers?|wine|exercise|gym))",
        "overdosing",
    ),
    (
        r"(?<!mg )(?<!\d )(?-i:OD)(?! ?(?:dosing|dose|daily|once))|od(?= on\b)"
        r"|overdo it(?!.{0,25}\b(?:drink\w*|booze|alcohol|beers?|wine|exercise|gym))",
        "overdose",
    ),
    (
        r"(?:go|goes|going|went) back (?:on|to) (?:the )?(?:drink|drinking|alcohol|bottle)",
        "relapse to alcohol",
    ),
    (r"(?:has |have |had )?dried.?out", "already abstinent from alcohol after detoxification"),
    (r"write (?:out )?(?:a )?prescription for|write (?:it|them) out", "prescribe"),
    (
        r"(?:kidneys?|renal function) (?:that )?(?:aren'?t|are not|isn'?t|is not|don'?t|do not"
        r"|doesn'?t) (?:work\w*|function\w*)(?: (?:well|properly|right))?|failing kidneys",
        "kidney impairment",
    ),
    (
        r"(?:cut\w* (?:it )?down|reduc\w*(?: it)?|lower\w*(?: it)?|decreas\w*(?: it)?|(?:come|coming"
        r"|get|getting) off(?: it)?) (?:bit by bit|little by little|step by step|slowly)",
        "taper gradually",
    ),
    (r"(?:just )?stop (?:it )?(?:one day|all at once|dead|cold)", "stop suddenly"),
    (
        r"wean(?:s|ed|ing)? (?:(?:myself|himself|herself|yourself|themselves|me|him|her|you|them"
        r"|someone|people|patients) )?off(?: of)? (baclofen|it|them|this|the \w+)",
        r"stop \1 gradually",
    ),
    (
        r"wean(?:s|ed|ing)? (?:(?:myself|himself|herself|yourself|themselves|me|him|her|you|them"
        r"|someone|people|patients) )?off(?: of)?",
        "taper off",
    ),
    # doses in tablets and milligrams
    (
        r"how many (?:pills|tablets|tabs|capsules)(?=(?: of (?:baclofen|it|them|the \w+))?"
        r"(?: (?:a|per|each|every) day)? (?:can|should|could|may|must|do|is|are|would|will)\b)",
        "what dose in tablets",
    ),
    (r"\bmilligrams?\b", "mg"),
    # history: who made it
    (
        r"who (?:first |originally )?(?:made|came up with|invented|created|developed|discovered"
        r"|thought up|dreamed up)(?= (?:baclofen|it|the drug|this drug)\b(?!.*\b(?:for|to treat"
        r"|in treating|against|as a treatment)\b))",
        "who first synthesised",
    ),
    (r"came up with(?= (?:baclofen|it|the drug)\b)", "invented"),
    (r"come up with(?= (?:baclofen|it|the drug)\b)", "invent"),
    # taken with other medicines
    (r"alongside|along with", "with"),
    (r"(?:give|gives|giving) (baclofen|it) to (?:me|him|her|you|us|them)\b", r"prescribe \1"),
    (
        r"(how (?:long|quickly|fast|soon)\b.{0,40}?)\b(?:kick|kicks|kicking|kicked) in",
        r"\1start working (time to peak)",
    ),
    (
        r"(?:trying|try|tries) (?:for a baby|to get pregnant|to conceive|for a family)"
        r"|planning (?:a baby|a family|to have a baby|to get pregnant)",
        "planning a pregnancy",
    ),
    (
        r"(?:make|makes|made|making) it (?:hard|difficult|harder) to (?:sleep|get to sleep|fall asleep)"
        r"|(?:keep|keeps|kept|keeping) (?:me|you|him|her|them|people) (?:up|awake)(?: at night)?",
        "cause insomnia",
    ),
    (r"(?:trouble|difficulty|problems) sleeping|(?:can'?t|cannot|couldn'?t) sleep", "insomnia"),
    # "i drive a forklift at work: am i ok to keep working?": driving and machinery
    (
        r"(?:drive|drives|driving|operate|operating|use|using) (?:a |the )?(?:forklift|crane|digger|lorry"
        r"|truck|bus|tractor|heavy machinery|machines)",
        "drive or operate machinery",
    ),
    # "have i hurt the baby?": harm to the unborn
    (
        r"(?:hurt|harmed|damaged|affected) (?:the|my|our|her) (?:unborn )?(?:baby|babies)",
        "caused birth defects",
    ),
    (
        r"(?:miracle cure|wonder drug|magic (?:bullet|pill)) for (?:booze|the booze|drink|drinking|alcohol)",
        "proven effective for alcohol use disorder",
    ),
    (
        r"(?:really |very |so |badly )?(?:constipated|bunged up|can'?t (?:go|poo))",
        "having constipation",
    ),
    (
        r"available(?= (?:for|to treat) (?:alcohol|drinking|alcoholism|addiction|the drink|craving))",
        "approved",
    ),
    (r"what does (baclofen) (?:actually |really |even )?do(?=\s*\?|\s*$)", r"how does \1 work"),
    (r"where (?:does|did) (baclofen) (?:come|originate) from", r"what is the origin of \1"),
    # "can't swallow tablets: does it come as a liquid?": the products in other forms
    (
        r"(?:come|comes|available|made|sold|get it|get baclofen) (?:as|in) (?:a )?(?:liquid|syrup|drink"
        r"|mixture|solution|something (?:to drink|other than tablets))",
        "available as an oral solution, suspension or granules (products)",
    ),
    (r"how old is (baclofen)", r"when was \1 first synthesised"),
    (
        r"what (?:type|kind|sort|class) of (?:a )?(?:drug|medicine|medication|pill|substance) is (baclofen)",
        r"what kind of drug is \1 (mechanism)",
    ),
    # "my mum wants to come off it": a relative telling her story, not a mother of a baby (the
    # sources' "mother" is the breastfeeding or pregnant one)
    (
        r"(?:my|our|his|her|their) (?:mums?|moms?|mummy|mommy|mother)(?! (?:is|was) (?:pregnant|expecting|breastfeeding|nursing))",
        "my parent",
    ),
    (r"\bmums?\b|\bmoms?\b|\bmummy\b|\bmommy\b", "mother"),
    (r"\b(?:nan|nana|nanna|gran|granny|grandma|grandmother)\b", "elderly grandmother"),
    (r"\b(?:grandpa|grandad|granddad|grandfather)\b", "elderly grandfather"),
    (
        r"(?:took|taken) (?:my |his |her |their |the )?(?:baclofen |dose |pills? |tablets? |meds |it )?twice"
        r"(?: by (?:mistake|accident))?(?=\s*[?.!,]|\s*$| today| this morning| tonight| last night"
        r"| yesterday)",
        "accidentally took a double dose",
    ),
    (
        r"(took|take|taken|had) an? (double|extra) dose(.{0,30}?) by (?:mistake|accident)",
        r"accidentally \1 a \2 dose\3",
    ),
)
_LAY = [(re.compile(rf"\b(?:{a})\b", re.I), b) for a, b in LAY_TERMS]


def clinical_reading(text: str) -> str:
    """``text`` with everyday words replaced by the words the sources use (a question that opened
    with the replaced words still opens with a capital)."""
    for rx, word in _LAY:
        text = rx.sub(lambda m, w=word: _cased(m, m.expand(w)), text)
    return text


def _cased(m: re.Match[str], new: str) -> str:
    opens = not m.string[: m.start()].strip()
    return new[:1].upper() + new[1:] if opens and m.group(0)[:1].isupper() else new
