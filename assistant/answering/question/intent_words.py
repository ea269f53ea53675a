"""Each intent's words, the regular expressions the planner's rules (:mod:`.intents`) and the
follow-up logic read: one place for them."""

from __future__ import annotations

import re

from assistant.vocab import LABEL_REACTIONS


def any_of(*parts: str) -> re.Pattern[str]:
    """One pattern matching any of ``parts``."""
    return re.compile("|".join(f"(?:{p})" for p in parts))


# two things taken together, not people who "see him together" or "work together"
TOGETHER = (
    r"(?<!\bsee him )(?<!\bsee her )(?<!\bsee them )(?<!\bsees him )(?<!\bsees her )"
    r"(?<!\bwork )(?<!\bworks )(?<!\bworking )(?<!\bworked )\btogether\b"
    # "a sleeping tablet on top of the spasm tablets" (not "on top of that")
    r"|\bon top of (?:the|his|her|my|their|your|a|an|baclofen)\b"
)

INTENT_RX = {
    "document": any_of(
        r"\b(?:the|this|that|my) (?:article|paper|pdf|blog|post|document|file|leaflet|essay"
        r"|piece|text|report|handout|faq) (?:i|we) (?:just )?(?:added|uploaded|gave|shared|sent"
        r"|imported|ingested)\b",
        r"\b(?:this|the uploaded|my uploaded|my|the attached) (?:article|pdf|blog post|document"
        r"|file|leaflet|essay|handout)\b",
        r"\bthe (?:article|blog|blog post|pdf|leaflet|essay|handout|faq|news piece)\b(?! (?:by|of|in) )",
        r"\b(?:does|did) (?:the|this) (?:article|document|post|blog|author|leaflet|essay|pdf)\b",
        r"\b(?:according to|in) (?:the|this|my) (?:article|document|blog|post|pdf|leaflet|essay)\b",
    ),
    "overdose": any_of(
        r"\boverdos\w*|\bpoison\w*|\bintoxicat\w*|\btoxicity\b|\btoo many (?:\w+ )?(?:pills|tablets)",
        r"\btook (?:like |about |around |over )?(?:[5-9]|\d{2,})\b(?! ?mg)|\btook (?:a |the )?(?:whole|handful)",
        r"\blethal\b|\bfatal dose\b|\bhow (?:much|many) (?:\w+ ){0,9}?(?:kill|die)",
        # "gulped down a fistful", "necked a load": swallowed, however it is put
        r"\b(?:gulp\w*|downed|necked|knocked back|popped|chugged|wolfed) (?:down )?(?:\w+ ){0,2}?(?:a fistful"
        r"|a handful|handfuls|a pile|a load|loads|a bunch|a lot|heaps|a whole|the whole|all)\b",
        r"\btoo much (?:of (?:it|baclofen|the drug|the medicine) )?in (?:their|his|her|your|my|the|someone'?s)"
        r" (?:system|body|blood|bloodstream)\b",
        r"\b(?:took|taken|taking|swallowed) (?:\w+ ){0,2}?(?:loads|lots|a load|a bunch|a lot|heaps|tons"
        r"|dozens|a fistful|an? (?:huge|massive|large|big|enormous) (?:amount|quantity|number)) of (?:\w+ ){0,3}?(?:pills|tablets|tabs|baclofen|meds|muscle relax\w*)\b"
        r"|\b(?:took|taken|swallowed) (?:\w+ ){0,9}?(?:on purpose|deliberately|intentionally)\b",
        r"\b(?:took|taken|swallowed|ingested|ate|eaten) (?:most|half|the rest|much|nearly all"
        r"|almost all) (?:of )?(?:a |the |his |her |my |their |our )?(?:strip|pack|packet|box|bottle"
        r"|blister|sheet|tub|jar|prescription)s?\b|\bempty (?:the|his|her|their) stomach\b",
        r"won'?t wake|not waking|unresponsive|not breathing|breathing (?:\w+ )?slow|\bcoma\b",
        r"\b(?:took|taken|swallowed|ate|downed) (?:a |the |his |her |my |their )?(?:whole|entire|full)"
        r" (?:\w+ )?(?:box|pack|packet|bottle|strip|blister|tub|jar)\b",
        r"\brefill\w*",
        # "the alert about taking too much": an overdose, however it is put
        r"\b(?:swallow\w*|took) too (?:much|many)\b|\b(?:alerts?|warnings?|updates?) (?:\w+ ){0,3}?"
        r"(?:taking|swallowing) too (?:much|many)\b",
    ),
    "withdrawal": any_of(
        # a detox ward's withdrawal score
        r"\bdetox(?:ification)? (?:ward|unit)\b|\bciwa\w*",
        r"\bboxed warning\b|\bintrathecal\b.*\bwithdrawal\b|\bwithdrawal\b.*\bintrathecal\b",
        r"\bwithdrawal (?:syndrome|symptoms|reactions?)\b(?!.*\b(?:alcohol|opioid|opiate|ghb|nicotine))",
        r"\bquits? them\b|\bnewborns?\b.*\bwithdrawal\b|\bmiss\w* (?:a |the |its )?refills?\b",
        r"^(?=.*\bbaclofen\b).*\b(?:can|could|should|may) (?:i|he|she|they|we|you|my \w+) (?:just "  # "on"
        r"|simply )?(?:stop|quit|come off)(?: it| taking it| baclofen)?\s*(?:\?|$)",  # "it ... just stop?"
        # "how slowly should baclofen be reduced?": the way down
        r"\bhow (?:slowly|quickly|fast|gradually) (?:should|can|could|must|do|does|is|are)\b"
        r"(?: \w+){0,4}? (?:be )?(?:reduced|lowered|decreased|tapered|cut down|stopped|withdrawn)\b",
    ),
    "interaction": any_of(
        # "one glass of wine now hits him like three": alcohol's effect stronger on it
        r"\b(?:alcohol|drinks?|glass|beer|pint|wine)s? (?:now |really )?(?:hits?|knocks?|affects?)"
        r" (?:him|her|me|them|you)\b|\bless (?:alcohol|drink) to (?:get|feel) drunk\b",
        # (not people who "see him together" or "work together")
        r"(?<!-by-dose )(?<!-by-sex )(?<!-by-time )\binteract\w*|\bmix\w*|\bcombin(?!ed (?:alcohol|abstinence|outcome))\w*|\bat the same time\b|"
        + TOGETHER,
        r"\breact\w* with\b|\b(?:two|both|they|them) react\b",
        r"\b(?:take|taking|use|using|on) (?:\w+ ){0,3}?alongside\b",
        r"\btaking (?:baclofen|it) and\b",
        r"\b(?:alcohol|drinks?|beers?|wine|glass of \w+|pints?|spirits) (?:\w+ ){0,3}?(?:with|on|while on"
        r"|while taking) (?:my |his |her |your |the )?(?:baclofen|it|medication|medicine|tablets|pills)\b",
        r"\b(?:take|have|use|start) (?:\w+ ){0,4}?(?:too|as well|on top)\b",
        r"\b(?:take|have|use|start) also\b|\balso (?:take|have|use|start)\b",
        r"\b(?:safe|ok|okay|fine|dangerous|risky|harmful) (?:to (?:take|use) )?(?:it )?(?:with|alongside)\b",
        r"\b(?:safe|ok|okay|fine|dangerous|risky|harmful) to (?:take|use|have) (?:\w+ ){1,4}?(?:with"
        r"|alongside) (?:baclofen|it)\b",  # "risky to take a zopiclone at bedtime with baclofen?"
        r"\bwhile (?:drinking|taking|on)\b"
        r"|(?<!off the )\bdrink(?:s|ing)? (?:alcohol )?(?:on|while|with|when)\b(?! drinking days)",
        r"\b(?:take|taking|use|using|on) (?:baclofen|it) (?:\w+ ){0,2}?with\b"
        # "takes baclofen and wants to have a few beers at the weekend"
        r"|\b(?:takes?|taking|on) (?:baclofen|it)\b[^.?]{0,60}?\b(?:wants?|would like|likes?|plans?"
        r"|hopes?|loves?|enjoys?) (?:to )?(?:(?:have|drink|drinking) (?:\w+ ){0,4}?|(?:a |the |his |her )?"
        r"(?:couple of |few |glass of |pint of |bottle of )?)(?:alcohol|wine|beers?|drinks?|pints?"
        r"|glass(?:es)? of \w+)\b",
        # "what shouldn't you take with it?", "does it clash with anything?", "baclofen and codeine?"
        r"\b(?:shouldn'?t|should not|must not|mustn'?t|can'?t|cannot) (?:you |i |one |we )?(?:take|mix"
        r"|combine|use) (?:\w+ ){0,2}?with\b|\bdon'?t (?:go|mix) (?:well )?with\b|\bclash\w*\b"
        r"|\b(?:take|have) (?:baclofen|it) and (?:a |an |some )?\w+\s*$",
        r"\b(?:taken|used|given|prescribed) (?:\w+ ){0,2}?(?:with|alongside)\b",
        # "does alcohol increase the side effects of baclofen?", "what shouldn't you mix with it?"
        r"\b(?:increase|worsen|strengthen|boost|intensif)\w* (?:the )?(?:side effects|effects?|sedation"
        r"|drowsiness) of (?:baclofen|it)\b",
        r"\bmix\w* with (?:baclofen|it)\b|\bavoided with (?:baclofen|it)\b",
        # "does baclofen make the effect of alcohol stronger?"
        r"\bmakes? (?:the )?(?:effects? of )?(?:alcohol|drinks?|drinking|it|baclofen) (?:\w+ )?stronger\b",
        r"\b(?:safe|ok|okay|fine|dangerous|risky|harmful|a problem) (?:\w+ ){0,3}?(?:take|taking|use"
        r"|using|have|having) (?:\w+ ){1,3}?(?:and|plus|with) ",
        # "safe to take codeine with my muscle relaxer?", "does alcohol make it stronger?"
        r"\b(?:take|taking|use|using|have|having) (?:\w+ ){1,3}?(?:with|alongside) (?:my |his |her "
        r"|the |your )?(?:baclofen|it|medication|medicine|tablets|pills|meds)\b",
        r"\bmakes? (?:baclofen|it|the drug) (?:stronger|weaker|more potent|less effective)\b",
        r"\bchange the effect\b|\bco.?ingest\w*|\bcns depressants?\b",
        r"\b(?:increase|strengthen|boost|enhance|intensif\w*|potentiat\w*|add to|weaken|block)s?"
        r" the (?:effects?|action) of (?:\w+ ){0,3}?(?:medicines?|medications?|drugs|pills|tablets"
        r"|sedatives?|painkillers?|antidepressants?|antihypertensives?)\b",
        r"\bwith (?:\w+ )?(?:alcohol|a drink|beer|wine)\b"
        r"(?! (?:use|dependence|problems?|withdrawal|addiction|craving)|-related)",
        r"\b(?:have|having|drink|drinking|mix|mixing) (?:\w+ ){0,2}?(?:alcohol|beers?|wine)"
        r" (?:\w+ ){0,2}?(?:with|while on|while taking|and) (?:baclofen|it)\b",
    ),
    "comparison": any_of(
        r"\bcompar\w*|\bversus\b|\bvs\.?\b|\bbetter than\b|\bworse than\b|\bsafer than\b",
        r"\b\w+ier than\b|\b(?:stronger|weaker|milder|faster|slower|cheaper) than\b",
        r"\b(?:more|less|fewer|lower|higher) (?:\w+ ){0,3}than\b|\bagainst\b|\binstead of\b",
        r"\brather than\b|\bstack up\b|\b(?:beat|beats|outperform\w*|outdo\w*) (?!(?:the |a )?(?:placebo|dummy|sugar)\b)\w+"
        r"|\bhead.?to.?head\b|\bthe usual (?:\w+ )?(?:medicines?|medications?|treatments?|drugs?|options?)\b",
        r"\bwhich (?:one|of (?:the|them|these|those)(?: two)?|is|works?|would)(?: \w+){0,2} "
        r"(?:better|best|safer|more effective)\b",
    ),
    "which_trials": any_of(
        r"\b(?:which|what|list|name|how many) (?:\S+ ){0,4}(?:trials|studies|rcts|meta.?analyses)"
        r"\b(?:.*\b(?:negative|positive|fail\w*|found|showed|were|worked|work|did not|no benefit"
        r"|benefit|agree|placebo|used|gave|reached|titrated|ran|run|done|conducted|took place))",
        r"\b(?:negative|positive|failed|successful) (?:\w+ )?(?:trials|studies)\b",
        r"\btrials? (?:that|which) (?:failed|found no|showed no|were negative|were positive|worked)",
        r"\bwhich meta.?analys[ie]s\b",
        # "have there been any studies of it in people in hospital? which ones?"
        r"\b(?:have|has) there been (?:any )?(?:\S+ )?(?:trials|studies)\b.*\bwhich ones\b",
        r"\b(?:which|what) (?:\S+ ){0,3}(?:trials|studies) (?:have |has )?(?:tested|studied|looked at"
        r"|examined|assessed|tried|compared)\b",
        # "have any trials of it for alcohol been done in the United States?"
        r"\b(?:have|has|were|was) (?:there )?(?:any )?(?:\S+ ){0,5}?(?:trials|studies|rcts)"
        r" (?:\S+ ){0,5}?(?:been )?(?:done|run|conducted|carried out|performed|published)\b",
    ),
    "adverse_effects": any_of(
        r"\b(?:babies|offspring|young|pups) (?:\w+ ){0,2}?born with\b",  # (in animal studies)
        r"\bomphalocel\w*|\bbirth defects?\b|\bmalformations?\b",
        r"\bside.?effects?\b|\badverse\b|\btolerab\w*|\bdrows\w*|\bsedat\w*|\bsleepi\w*",
        r"\bsomnolen\w*|\bdizz\w*|\bconfus\w*|\bsafety profile\b|\bharms?\b|\bencephalopath\w*",
        r"\bfatigue\b|\bnausea\b|\bhow safe\b|\bdangers?\b|\bunwanted\b|\bmania\b|\bmanic\b",
        r"\b(?:can|does|could|do) (?:baclofen|it) cause\b|\bcause\w* (?:\w+ ){0,2}(?:sleep|tired|confus)",
        r"\bdriv(?:e|ing)\b|\bbehind the wheel\b|\bmachinery\b|\bsafe (?:at|in) (?:very )?high doses\b",
        r"\b(?:can|could) happen to\b|\bnewborns?\b|\bneuropsychiatric\b|\bsuicid\w*",
        # "is there anything we should be watching out for?": the signs of harm to look for
        r"\b(?:anything|what|things?|signs?|symptoms?) (?:\w+ ){0,3}?(?:watch\w*|look\w*|keep\w* an eye)"
        r" (?:out )?for\b",
        # "what does the spasm pill tend to do to the people who take it?": its effects on them
        r"\bwhat (?:else )?(?:does|do|can|will|would|is) (?:baclofen|it|they) (?:\w+ ){0,2}?(?:do|doing) to"
        r" (?:the )?(?:people|folks?|you|patients|someone|users|those|a person|your body|the body|him|her"
        r"|them)\b",
        r"\bteratogen\w*|\bbirth defects?\b|\bdamag\w* (?:the |your |my |his |her )?(?:liver|kidneys?|brain|heart)\b",
        r"\btinnitus\b|\binsomnia\b|\bliver enzymes\b|\bis that (?:a )?(?:known|normal|common)\b"
        rf"|{LABEL_REACTIONS.pattern}"
        r"|\b(?:can|could|do|does|would) (?:the|these|those) (?:tablets|pills|medicine) (?:do|cause)\b",
        # "could the tablets be doing that?": a symptom put down to the medicine
        r"\b(?:could|can|might|would|is|are) (?:it|baclofen|(?:the|these|those|his|her|my) "
        r"(?:tablets|pills|medicine|medication|meds)) (?:be )?(?:doing|causing|behind|to blame"
        r"|making (?:\w+ )?(?:worse|better))\b",
        r"\burinary (?:frequency|retention|incontinence)\b",
        # a test result up since starting it: "her last blood test showed her sugar a bit up"
        r"\b(?:blood )?(?:sugar|glucose|liver (?:tests?|enzymes|numbers)|ast|alt|alkaline"
        r" phosphatase)\b(?: \w+){0,3} (?:up|high|raised|higher|elevated|went up|gone up)\b",
        r"\b(?:the )?(?:main |biggest )?(?:risks|dangers|harms|hazards) (?:of|with|from)\b",
        r"\b(?:something|a thing) (?:the |these |his |her |my )?(?:tablets|pills|medicines?|meds"
        r"|drug|baclofen) (?:are|is) known for\b|\bmake (?:you|him|her|them|me|people) (?:feel )?"
        r"(?:\w+ )?(?:euphoric|high|excited|elated|giddy|drowsy|sleepy|confused|dizzy|sick)\b",
    ),
    "pharmacokinetics": any_of(
        r"\bhalf.?life\b|\babsor\w*|\bmetaboli\w*|\beliminat\w*|\bexcret\w*|\bpeak\b",
        r"\bbioavailab\w*|\bclearance\b|\bplasma\b|\bpharmacokinetic\w*|\bcleared\b",
        r"\bblood levels?\b|\bhow long (?:does|do|is) (?:it|baclofen) (?:stay|last|take)\b",
        r"\bkinetics\b|\bleaves? the body\b|\bout of (?:the|your) (?:body|system)\b|\burine\b",
        r"\bcerebrospinal\b|\bcsf\b|\bblood.?brain\b|\bbreast milk\b|\bpass(?:es)? into\b",
        r"\bintravenous\b|\bcrossover\b",
        # "how long before ... at its highest?", "ends up circulating in you?": peak, absorbed share
        r"\bat (?:its|their) (?:highest|maximum|peak)\b|\bends? up (?:circulating|in (?:the|your) blood)",
        r"\bbuilds? up\b|\bbuilding up\b|\baccumulat\w*",  # ("what builds up over months?")
        # "how long does one pill hang about in your bloodstream?": how long it stays
        r"\bhow long (?:\w+ ){0,5}?(?:stays?|lasts?|hangs? (?:about|around)|lingers?|remains?) (?:\w+ )?in"
        r" (?:the|your|my|his|her|their|a) (?:blood\w*|system|body)\b",
    ),
    "mechanism": any_of(
        r"\bmechanis\w*|\bgaba\w*|\breceptors?\b|\bbrain\b|\bdopamin\w*|\bagonist\b",
        r"\bhow (?:is|does|would|could|might) (?:baclofen|it) (?:supposed to )?(?:work|act|reduce"
        r"|help|curb|lower|affect)\w*",
        r"\bwhat does (?:it|baclofen|the \w+ drug) (?:actually )?do (?:in|to)\b|\bacts? on\b",
        r"\bpharmacology\b|\bnerve cells?\b|\bwhy (?:would|might|does|did) (?:it|baclofen)\b",
        r"\bhow might\b|\banimal\w*|\brats?\b|\bpreclinical\b|\breward\w*|\bblock the high\b",
        r"\bhigh from\b|\ballosteric\b",
    ),
    "history": any_of(
        r"\bhistor\w*|\bdiscover\w*|\bfirst (?:synthes|made|developed|used|described|report)\w*",
        r"\boriginal\w*|\binvent\w*|\bsynthesi[sz]ed\b|\bwho (?:first|discovered|developed|made|was)\b",
        r"\bameisen\b|\b(?:his|her) book\b|\b19[4-9]\d\b|\borigin\w*|\bdeveloped (?:for|as)\b|\bcame (?:about|from)\b",
        r"\btake off\b|\bbecame popular\b|\bfail(?:ed)? as\b|\bend(?:ed)? up\b|\bbefore its\b",
        r"\bpatent\w*|\bwho made\b|\b(?:when|why) was (?:it|baclofen) (?:made|created|first|designed)\b",
        r"\bwho (?:came up with|thought of|had the idea|pioneered|popularis\w*|populariz\w*)\b",
        r"\bfirst (?:meant|intended|designed|made|developed) (?:for|to)\b|\boriginally (?:meant|intended|designed)\b",
    ),
    "regulation": any_of(
        r"\bapprov\w*|\bauthori[sz]\w*|\blicen[sc]\w*|\bfda\b|\bansm\b|\btga\b|\bnice\b",
        r"\bmhra\b|\bema\b|\blegal\w*|\bregulat\w*|\brtu\b|\bmarketing\b|\boff.?label\b",
        r"\bprescrib\w* (?:in|for)\b|\bbaclocur\b|\bguidelines?\b|\bguidance\b|\brecommend\w*|\bindicat\w*",
        r"\bon.?label\b|\breimburs\w*|\bregistered\b|\bproducts?\b|\bbrands?\b(?! new)|\bsold\b",
        r"\bmarketed\b|\bsigned off\b|\bwatchdog\b|\brulebook\b|\bconseil\b|\bcourts?\b",
        r"\bsafety (?:update|communication|alert)\b|\bon sale\b|\bcap\b|\bwhich (?:company|maker)\b",
        r"\bapa\b|\bamerican psychiatric association\b|\bbap\b|\bsfa\b|\b(?:first|second|third).?line\b",
        r"\bwhen (?:was|were|did) (?:\w+ ){0,4}?(?:warnings?|boxed warning|label change)\w* (?:\w+ ){0,2}?"
        r"(?:added|introduced|issued|put|required|first)\b|\bwarnings? (?:\w+ ){0,2}?added\b",
        r"\b(?:can|may|could|are|is) (?:\w+ ){0,3}?(?:doctors?|physicians?|general practitioners"
        r"|gps?|psychiatrists?|nurses?|pharmacists?|specialists?)\b(?: \(?primary care\)?)?"
        r" (?:\w+ ){0,3}?(?:prescrib\w*|allowed)",
    ),
    "dosing": any_of(
        r"\bdos(?:e|es|ed|ing|age)\b|\bmg\b|\bmilligrams?\b|\btitrat\w*|\bhow much\b|\bmaximum\b",
        r"\bhighest dose\b|\bstart(?:ing|ed)?\b|\bceiling\b|\bhow (?:often|many times)\b",
        r"\bthree times\b|\btablets? (?:a|per) day\b|\bschedule\b|\bgo up to\b|\btop dose\b",
        r"\b(?:go|going|goes|went) (?:past|above|beyond|over) the (?:usual|normal|standard|recommended"
        r"|top|maximum)\b|\busual (?:dose )?range\b",
        r"\bbuild.?up\b|\bdivided doses\b|\bin (?:one|a single) go\b",  # (how it is taken)
        # "the most of it someone can be put on in a day": the daily maximum
        r"\b(?:the most|the highest amount|the biggest amount) (?:\w+ ){0,8}?(?:a|per|each|in a|in one) day\b",
        # "the most baclofen a doctor may give": the most that may be given or taken
        r"\bthe most (?:baclofen|of it|of this|of that) (?:\w+ ){0,4}?(?:can|may|could|is allowed"
        r"|are allowed)\b",
    ),
    "efficacy": any_of(
        r"(?<!\bat )(?<!\bfrom )(?<!\bto )\bwork\w*|\beffective\w*|\befficac\w*|\bhelp\w*|\breduc\w*|\blower\w*|\bcurb\w*",
        r"\bcut\w*|\bbenefit\w*|\bimprov\w*|\bevidence\b|\bsuccess\w*|\bcrav\w*|\burges?\b",
        r"\bdesire\b|\babstinen\w*|\brelaps\w*|\bstay (?:sober|dry|off)|\bquit\w*",
        r"\buseful\b|\bcure\w*|\bmiracle\b|\bpromising\b|\bdrink(?:ing)? less\b",
        r"\bheavy drinking\b|\bsober\w*|\bkeep (?:people )?off\b|\bstudied\b|\bknown about\b",
    ),
    "result": any_of(
        r"\bwhat did (?:\w+ ){0,8}(?:find|show|conclude|report|look at|say)\b|\bresults?\b",
        r"\bfindings?\b|\bconclu\w*|\boutcome\w*|\bprimary (?:end.?point|outcome)\b|\bshowed\b",
        r"\bfound\b|\bwhat happened\b|\bwhat came out\b|\bdid (?:it|baclofen|the \w+)\b",
        r"\bwas (?:it|the \w+ trial) (?:positive|negative)|\bhow (?:did|does) .* do\b",
    ),
}


# the drinker's own withdrawal ("coming off the drink and has the shakes", "ease off the
# booze"): alcohol withdrawal, not someone stopping baclofen
DRINK_WITHDRAWAL = any_of(
    r"\b(?:coming|come|came|getting|get) off (?:the )?(?:drink|booze|bottle|alcohol)\b",
    r"\b(?:ease|eased|easing) off (?:the )?(?:drink|booze|bottle|alcohol)\b",
    r"\bstopp?(?:ed|ing)? drinking\b|\balcohol withdrawal\b|\bdelirium tremens\b|\bthe dts\b",
)
