"""The words of the demo workbook: small pools of phrases the generators pick from.

The demo person is cutting back on drinking and stopping the betting apps. Every line is written
the way a person might jot it down: short, plain, kind to themselves. A setback is information.
Never a word the content guide calls stigmatising (a test checks the whole demo for them).
"""

from __future__ import annotations

from workbook.models import LifeArea, PersonRole, ResourceCategory, TriggerKind

# --- People ----------------------------------------------------------------------------------

PEOPLE: list[tuple[str, PersonRole, str, str]] = [
    ("Jo (coach)", PersonRole.COACH, "Tuesdays at the drop-in", "Ask me what my next step is."),
    ("Sam", PersonRole.PEER, "text any time", "Remind me how far I have come."),
    ("Aunt May", PersonRole.FAMILY, "evenings", "Just listen for ten minutes."),
    ("Dr Patel's surgery", PersonRole.DOCTOR, "weekday mornings", "Help with sleep."),
    ("Kez", PersonRole.FRIEND, "weekends", "Come for a walk with me instead of the pub."),
]

# --- The change plan ------------------------------------------------------------------------

PLAN_CHANGES = [
    ("Drink only at weekends, and no more than two drinks", LifeArea.RECOVERY),
    ("Stop betting: delete the apps and keep them off my phone", LifeArea.MONEY),
]
PLAN_LATER_CHANGE = ("Get my sleep back on track", LifeArea.HEALTH)

IMPORTANCE_WHY = [
    "I am tired of waking up with that knot in my stomach.",
    "My kids notice when I have had a drink, and I want them to trust me.",
    "It is my money and my mornings, and I want both back.",
    "I have felt the difference now, and I do not want to lose it.",
]
IMPORTANCE_UP = [
    "Seeing the bank statement in black and white again.",
    "Jo asking me what I would tell a friend in my place.",
    "Remembering how good last month felt.",
    "Helping someone newer at group, and seeing where I was.",
]
CONFIDENCE_WHY = [
    "I got through two weekends already, so I know I can.",
    "I have Sam to text, and that has worked before.",
    "I have done hard things before: I got the flat, I kept the job.",
    "I have had setbacks and got back on track every time.",
]
CONFIDENCE_UP = [
    "A plan for Friday nights that I actually like.",
    "Getting through payday without opening an app.",
    "One more month of sleep that is not broken.",
    "Keeping up the Tuesday group even when life gets busy.",
]
REASONS = [
    "To be there for my kids, properly there.",
    "To have money left at the end of the month.",
    "To sleep through the night and wake up clear.",
    "To stop lying about where the money went.",
    "To feel proud of myself again.",
    "To keep my job and maybe get a better one.",
]
PLAN_STEPS = [
    "Delete the betting apps and ask the bank to block gambling payments",
    "Tell Jo my limit, so someone knows it",
    "Plan Friday evenings: football with Kez, not the pub",
    "Keep only two cans in the house at weekends",
    "Go to the Tuesday group for a month",
    "Check in every evening, even on bad days",
    "Write down my urges for two weeks and look for patterns",
    "Book a sleep appointment with Dr Patel",
]
HELPER_WHAT = {
    "Jo (coach)": "Weekly review with me on Tuesdays, and straight talk when I need it.",
    "Sam": "A text back when I say I am struggling.",
    "Aunt May": "Sunday dinner, and she does not ask too many questions.",
    "Kez": "Football on Friday evenings instead of the pub.",
}
SIGNS = [
    "I have money left the week before payday.",
    "I wake up without a headache at weekends.",
    "The kids want to stay over at mine again.",
    "I have not opened a betting app for a month.",
    "My check-ins show more good days than hard ones.",
    "I can walk past the bookies without slowing down.",
]
OBSTACLES = [
    ("payday comes and the apps are calling", "move most of the money to savings first thing"),
    ("I have a row with my ex", "text Sam before I do anything else"),
    ("the lads ask me to the pub after the match", "say I will meet them for food instead"),
    ("I cannot sleep and feel restless at night", "get up, make a tea and read for a bit"),
    ("work is quiet and I am bored on a Sunday", "go for a long walk with a podcast"),
]

WEIGHING = {
    "habit_gives": (
        "It switches my head off after work. The betting gives me a buzz when life feels flat."
        " It is something to do with the lads."
    ),
    "habit_costs": (
        "Money, mostly. Sleep. Mornings where I feel ashamed. Arguments about where the money"
        " went. Less time with the kids."
    ),
    "change_gives": (
        "Money in the bank. Clear mornings. The kids trusting me. Feeling like I am steering"
        " my own life."
    ),
    "change_costs": (
        "Some nights will feel long and boring. I might see less of some mates. I will have to"
        " feel things instead of switching them off."
    ),
}
VALUES_CHOSEN = [
    "Family",
    "Honesty",
    "Health",
    "Being reliable",
    "Peace of mind",
    "Humour",
    "Learning",
    "Having my own place",
]
VALUES_TOP = ["Family", "Honesty", "Health", "Being reliable", "Peace of mind"]
VALUES_NOTICE = (
    "Put next to my kids and my health, the betting sits near the bottom. It has been acting"
    " like it is at the top."
)

# --- Goals ----------------------------------------------------------------------------------

GOAL_IDEAS: list[tuple[str, LifeArea, list[str]]] = [
    (
        "Open a bank account",
        LifeArea.MONEY,
        ["Find my ID", "Book a visit", "Go to the bank", "Pay in my first wage"],
    ),
    ("Get up at 7 on weekdays", LifeArea.SKILLS, ["Buy an alarm clock", "Bed by 11", "Track it"]),
    ("Go to a group twice a week", LifeArea.RECOVERY, ["Find two groups", "Go once", "Go twice"]),
    ("Walk 20 minutes a day", LifeArea.HEALTH, ["Pick a route", "Walk 3 days", "Walk 7 days"]),
    ("Call my sister every Sunday", LifeArea.RELATIONSHIPS, ["Save her number", "First call"]),
    ("Make a weekly budget", LifeArea.MONEY, ["List bills", "List income", "Plan the week"]),
    ("Finish a short course", LifeArea.WORK, ["Look at courses", "Sign up", "Finish week 1"]),
    ("Cook three meals a week", LifeArea.HOME, ["Pick 3 recipes", "Shop", "Cook"]),
    ("Volunteer at the food bank", LifeArea.COMMUNITY, ["Ask about times", "First shift"]),
    ("Learn the guitar basics", LifeArea.PURPOSE, ["Borrow a guitar", "Learn 3 chords"]),
    ("Tidy the flat every Saturday", LifeArea.HOME, ["Buy bin bags", "Do the kitchen", "Hoover"]),
    ("Take the kids to the park", LifeArea.RELATIONSHIPS, ["Ask their mum", "Pick a Saturday"]),
    ("Pay off the catalogue debt", LifeArea.MONEY, ["Call them", "Set up a plan", "First payment"]),
    ("Sort out my dentist", LifeArea.HEALTH, ["Find a dentist", "Book a check-up", "Go"]),
    ("Update my CV", LifeArea.WORK, ["Find the old one", "Add the last job", "Ask Jo to read it"]),
    ("Swim once a week", LifeArea.HEALTH, ["Find the times", "Buy trunks", "First swim"]),
    ("Save 10 a week", LifeArea.MONEY, ["Open a savings pot", "Set a standing order"]),
    ("Read a book a month", LifeArea.PURPOSE, ["Join the library", "Pick a book", "Finish it"]),
]
ONE_OFF_GOALS = {
    "Open a bank account",
    "Learn the guitar basics",
    "Pay off the catalogue debt",
    "Finish a short course",
}
LONG_IDEAS: list[tuple[str, LifeArea, str, list[str]]] = [
    (
        "Have a steady job I like",
        LifeArea.WORK,
        "Work gives my week a shape and pays the rent.",
        ["Volunteer two days a week", "Do a course", "Get a part-time job", "Go full time"],
    ),
    (
        "Live somewhere safe of my own",
        LifeArea.HOME,
        "A place I am proud to have the kids over.",
        ["Get on the housing list", "Save a deposit", "Move in", "Make it feel like home"],
    ),
    (
        "Be someone my kids can count on",
        LifeArea.RELATIONSHIPS,
        "They deserve a dad who shows up, and I want to be him.",
        ["Turn up every time I say I will", "Have them overnight", "Take them on a holiday"],
    ),
]
GOAL_WHY = [
    "It makes the rest of the week easier.",
    "Jo and I worked out this one matters most right now.",
    "It is small, and small things add up.",
    "I feel better about myself on the days I do it.",
    "It takes money and worry off my mind.",
]
IF_THEN = [
    ("If I feel the pull after work", "then I text Sam and walk home the long way"),
    ("If it is payday", "then I move the money to savings before lunch"),
    ("If it is Friday at 6", "then I go to football with Kez"),
    ("If I can't sleep", "then I get up, make a tea and read"),
    ("If I skip a day", "then I start again the next morning, no fuss"),
    ("If I feel too tired to start", "then I do just five minutes of it"),
]
DONE_NOTES = [
    "Done! Took longer than I thought, and that is fine.",
    "Did it. Jo said to notice how I feel now, so: proud.",
    "Finished. The first step was the hardest.",
    "Done. Next time I will start earlier in the week.",
]
LET_GO_NOTES = [
    "Let this one go. The times clashed with work; I learned I need evening things.",
    "Letting it go for now. It was not the right moment, and that is information too.",
    "Let go. I was trying to do too much at once.",
]
PAUSED_NOTES = ["Paused while work is busy.", "On hold until after the move."]

# --- Weekly reviews -------------------------------------------------------------------------

HELPED = [
    "Doing it first thing, before I could talk myself out of it.",
    "Sam checked in on Wednesday.",
    "Having it written on the fridge.",
    "Going with someone.",
    "Keeping it small.",
    "A good night's sleep on Sunday.",
    "Jo asked about it on Tuesday, so I wanted to have something to say.",
]
GOT_IN_WAY = [
    "Work ran late three days.",
    "I was tired and let it slide.",
    "The kids were off school, so the week was different.",
    "I felt low midweek.",
    "Money was tight before payday.",
    "Nothing really, I just forgot.",
    "It rained all week.",
]
WEEK_WINS = [
    "Got through Friday without going to the pub.",
    "Paid the electric on time.",
    "Had the kids on Saturday and we laughed a lot.",
    "Slept well most nights.",
    "Walked every day.",
    "Said no to a bet and meant it.",
    "Cooked a proper meal twice.",
    "Went to group even though I did not want to.",
    "Money left over on Sunday.",
    "Rang the council, finally.",
    "Stuck to two drinks at the barbecue.",
    "Helped a new person at group find their feet.",
]
WEEK_HARD = [
    "Payday was hard. The pull to bet was strong on Friday.",
    "A row with my ex on the phone.",
    "Felt lonely on Sunday evening.",
    "Could not sleep Wednesday and Thursday.",
    "Work was stressful; a lot of shouting.",
    "The match on Saturday, everyone drinking.",
    "Nothing big this week.",
    "Bills came all at once.",
]
SETBACK_WEEK = "Went over my limit one night. Wrote down what was going on, and talked to Jo."
FOCUS = [
    "Bed by 11 every night.",
    "Plan Friday night before Friday comes.",
    "One phone call I have been putting off.",
    "Eat breakfast.",
    "Text Sam once a day.",
    "Keep payday boring: money to savings first.",
    "Be kind to myself on the hard days.",
    "Get outside every day, even for ten minutes.",
]

# --- Day to day -----------------------------------------------------------------------------

WINS = [
    "Walked to work",
    "Made a proper breakfast",
    "Phoned Aunt May",
    "Read the kids a story on video call",
    "Went to bed on time",
    "Said no to a pint after work",
    "Paid a bill the day it came",
    "Tidied the kitchen",
    "Cooked instead of a takeaway",
    "Texted Sam back",
    "Got up when the alarm went",
    "Went to group",
    "Saved a fiver",
    "Sat in the park for a bit",
    "Laughed with a mate at work",
    "Fixed the shelf at last",
    "Deleted a betting email without opening it",
    "Had a good chat with Jo",
    "Did the washing",
    "Grateful for a sunny afternoon",
    "Grateful for my sister",
    "Grateful for a quiet evening",
    "Finished a book chapter",
    "Helped a neighbour with her shopping",
]
NOTES_GOOD = [
    "Good day. Felt steady.",
    "Busy at work but in a good way.",
    "Kids came round. Best day in a while.",
    "Noticed I did not think about betting once today.",
    "Slept well and it showed.",
    "Felt proud walking past the pub.",
]
NOTES_OK = [
    "Ordinary day. That is fine.",
    "Tired but ok.",
    "A bit flat in the afternoon, picked up after a walk.",
    "Nothing much to say. Got through it.",
    "Rainy, stayed in, watched a film.",
    "Work was long.",
]
NOTES_LOW = [
    "Hard day. Wanted to switch off. Texted Sam instead.",
    "Felt low. Did the minimum and that is ok.",
    "Money worries again. Made a list so it is out of my head.",
    "Argument on the phone. Shaky after.",
    "Lonely tonight. Going to bed early.",
    "Cravings came in waves this evening. Rode them out.",
]

WEEKDAYS = (0, 1, 2, 3, 4)
ANY_DAY = (0, 1, 2, 3, 4, 5, 6)
URGE_TRIGGERS: list[tuple[str, tuple[int, int], str, tuple[int, ...], TriggerKind]] = [
    # (what was happening, the hours it comes, the kind of thoughts, the weekdays it can happen,
    #  the kind of trigger chosen on the form)
    ("Payday", (9, 13), "money", (4,), TriggerKind.MONEY),
    ("Walking past the pub after work", (17, 19), "drink", WEEKDAYS, TriggerKind.PLACE),
    ("Football on TV", (19, 22), "bet", (2, 5, 6), TriggerKind.SENSES),
    ("Friday night", (18, 22), "drink", (4,), TriggerKind.TIME),
    ("Advert for a betting app", (12, 22), "bet", ANY_DAY, TriggerKind.SENSES),
    ("Row with my ex", (16, 21), "feel", ANY_DAY, TriggerKind.PERSON),
    ("Bored on a Sunday afternoon", (13, 17), "feel", (6,), TriggerKind.BORED),
    ("Can't sleep", (23, 24), "feel", ANY_DAY, TriggerKind.TIRED_HUNGRY),
    ("Mates going for a pint", (17, 21), "drink", (3, 4, 5), TriggerKind.PERSON),
    ("Stressful day at work", (17, 20), "feel", WEEKDAYS, TriggerKind.FEELING),
    ("Bills on the mat", (8, 11), "money", (0, 1, 2, 3, 4, 5), TriggerKind.MONEY),
    ("Lonely evening", (19, 23), "feel", ANY_DAY, TriggerKind.FEELING),
]
URGE_THOUGHTS = {
    "money": [
        "One small bet could fix the month.",
        "I deserve something after this month.",
        "If I win I can pay it all off.",
    ],
    "drink": [
        "Just one, to take the edge off.",
        "Everyone else is having one.",
        "I have earned it after today.",
    ],
    "bet": [
        "The odds look good, it is basically free money.",
        "A fiver would make the match more fun.",
        "I know this team, I could call it.",
    ],
    "feel": [
        "I just want to not feel this for a bit.",
        "Nobody would know.",
        "What is the point of trying tonight.",
    ],
}
URGE_DID = [
    "Texted Sam.",
    "Went for a walk round the block.",
    "Made a tea and waited it out.",
    "Rode the wave with the guide.",
    "Put the phone in the other room.",
    "Had a shower and went to bed.",
    "Rang Aunt May.",
    "Played guitar for twenty minutes.",
    "Ate something, I was starving.",
    "Watched a comedy instead.",
    "Wrote it down here and breathed.",
]
URGE_DID_NOT_PASSED = [
    "Went to the pub with them. Stayed too long.",
    "Opened the app. Put a few bets on.",
    "Bought a bottle on the way home.",
]

SETBACK_GOING_ON = [
    "Payday, and a bad day at work. I told myself I would have one bet and it turned into a"
    " lot of them.",
    "It was the anniversary of Dad's death. I felt like I had nobody to talk to and I went to"
    " the pub.",
    "Row with my ex about the kids. I was so angry I went straight to the shop for a bottle.",
    "Went to a mate's birthday. I thought I could handle it and stopped counting after three.",
    "Could not sleep for a week. Exhausted and low. The drink was a way to switch off.",
    "Got some bad news about the flat. Everything felt pointless that night.",
]
SETBACK_HELPED_BEFORE = [
    "Texting Sam before I act. Getting out of the house. Eating something.",
    "Talking to Jo. Writing it down here. Going to bed early.",
    "Football with Kez on Fridays. Keeping the money in savings.",
    "Walking. Calling Aunt May. Remembering the kids.",
]
SETBACK_NEXT = [
    "Tell Jo on Tuesday",
    "Move my money to savings tomorrow morning",
    "Go to group this week",
    "Text Sam tonight",
    "Book the sleep appointment",
    "Plan next Friday now",
]

# --- Skills ---------------------------------------------------------------------------------

SKILL_PLAN = [
    "open-a-bank-account",
    "wake-up-with-an-alarm",
    "make-a-weekly-budget",
    "cook-simple-meals",
    "keep-a-sleep-routine",
    "make-a-dreaded-phone-call",
    "write-a-cv",
    "get-ready-for-an-interview",
    "pay-bills-on-time",
    "move-every-day",
]
PRACTICE_NOTES = {
    "open-a-bank-account": [
        "Put my ID and a letter from the council in one envelope.",
        "Asked at the credit union what I need. They were friendly.",
        "Went in and opened it. Took forty minutes.",
        "Checked my balance on the app for the first time.",
    ],
    "wake-up-with-an-alarm": [
        "Alarm across the room. Got up first time.",
        "Snoozed twice. Tomorrow the phone goes in the kitchen.",
        "Up at 7 five days in a row.",
        "Went to bed at 11 so getting up was easier.",
    ],
    "make-a-weekly-budget": [
        "Wrote down every bill on the back of an envelope.",
        "Did the week's budget on Sunday with a cup of tea.",
        "Kept receipts all week and added them up.",
        "Found 15 a week I did not know I was spending.",
    ],
    "cook-simple-meals": [
        "Made pasta with a jar of sauce and some veg. Not bad.",
        "Tried a chilli. Too hot, but I ate it.",
        "Cooked for the kids. They asked for seconds.",
        "Batch-cooked soup for three days.",
    ],
    "keep-a-sleep-routine": [
        "Phone off at 10:30.",
        "Same bedtime every night this week except Saturday.",
        "No tea after 6. Slept better.",
        "Wrote my worries down before bed so they stay on the paper.",
    ],
    "make-a-dreaded-phone-call": [
        "Wrote what I wanted to say before ringing the council.",
        "Called the catalogue people about the debt. They were ok about it.",
        "Rang the dentist. Five minutes, done.",
    ],
    "write-a-cv": [
        "Found my old CV on an email.",
        "Added the warehouse job and the volunteering.",
        "Jo read it and said it sells me short. Added more.",
    ],
    "get-ready-for-an-interview": [
        "Practised answers with Jo.",
        "Ironed a shirt the night before.",
        "Had the interview. Nervous but I got my words out.",
    ],
    "pay-bills-on-time": [
        "Set up a direct debit for the electric.",
        "Wrote the bill dates on the calendar.",
    ],
    "move-every-day": [
        "Walked to the shops instead of the bus.",
        "Twenty minutes round the park.",
        "Swam ten lengths.",
    ],
}
PRACTICE_MORE = [
    "Did it again today without thinking about it.",
    "Showed Sam how I do it.",
    "A bit rusty, but I got there.",
    "Easier than last time.",
    "Did it with the kids watching. They were impressed.",
    "Took half the time it used to.",
]
OWN_SKILL = (
    "Fix a puncture on my bike",
    "The bike gets me to work for free, and I want to look after it myself.",
    ["Take the wheel off", "Find the hole", "Patch the tube", "Put it back and pump it up"],
)
OWN_PRACTICE = [
    "Watched how to take the wheel off. Did it slowly.",
    "Found the hole with a bowl of water. Clever trick.",
    "Patched it. Held all week.",
    "Did the whole thing in twenty minutes today.",
]

# --- Resources and the plan for hard moments --------------------------------------------------

RESOURCES: list[tuple[str, ResourceCategory, str, str, str]] = [
    (
        "Tuesday evening group (made up for the demo)",
        ResourceCategory.LOCAL_GROUPS,
        "Community centre, back room",
        "Tuesdays 7 to 8.30 pm",
        "Free tea. Jo is usually there. Nobody minds if you just listen.",
    ),
    (
        "Money advice drop-in (made up for the demo)",
        ResourceCategory.OTHER,
        "Library, first floor",
        "Thursdays 10 am to 1 pm",
        "Helped me set up the plan for the catalogue debt.",
    ),
    (
        "Online support group (made up for the demo)",
        ResourceCategory.ONLINE_GROUPS,
        "",
        "Every evening at 9 pm",
        "Good for late nights when I cannot get out.",
    ),
    (
        "Family support evening (made up for the demo)",
        ResourceCategory.FAMILY,
        "Church hall on the corner",
        "First Monday of the month",
        "Aunt May went once and said it helped her understand.",
    ),
]

HARD_MOMENTS = {
    "well": "I get up on time, I am funny, I make plans with the kids, I text people back.",
    "daily": "Up at 7. Breakfast. Walk to work. Check in every evening. Bed by 11.",
    "triggers": "Payday. Rows with my ex. Friday nights. Football adverts. Being bored and alone.",
    "triggers_plan": "Money to savings first thing on payday. Text Sam. Get out of the house.",
    "warning_signs": (
        "I stop checking in. I skip breakfast. I start looking at the odds 'just to see'."
    ),
    "warning_plan": "Tell Jo on Tuesday. Go to group. Go to bed early for a few nights.",
    "worse_signs": "I avoid calls, stay in bed, stop eating properly, hide my bank statement.",
    "worse_plan": "Ring Dr Patel's surgery. Ask Aunt May to stay for a couple of days.",
    "worse_call": "Jo first, then Sam, then Aunt May.",
    "crisis_signs": "I go quiet and do not answer the door. I say things like 'what's the point'.",
    "crisis_who": "Aunt May and Jo. My doctor.",
    "crisis_ask": "Come round. Sit with me. Help me ring the doctor or a crisis line.",
    "crisis_helps": "Someone calm in the room. A cup of tea. Being reminded of the kids.",
    "keep_safe": "Sam holds my bank card at weekends. No drink kept in the flat.",
    "medicines": "Aunt May keeps my sleeping tablets and gives me one at a time.",
    "crisis_not_helpful": "Being lectured. Being left on my own. People talking about me.",
    "after": "Small days to start: a walk, a meal, one call. Tell Jo what happened, no hiding.",
}

# My limits and safer-use plan (cut back): a limit in the person's own units.
SAFER_PLAN = {
    "limit_amount": 4,
    "limit_unit": "standard drinks",
    "limit_period": "a day",
    "days_off": 3,
    "rules": ["start low, go slow", "no mixing depressants"],
    "own_rules": "Eat first. Home by 11. No betting shops on payday.",
}

# The life check-in (issue 19): what would make each area one step better, by area value.
CAPITAL_BETTER: dict[str, list[str]] = {
    "substance use": ["Keep Friday nights busy", "Tell Jo when the pull is strong"],
    "mental wellbeing": ["Tell the doctor about the low days", "Ten minutes outside each morning"],
    "physical health": ["Book a check-up", "Bed by 11 on weeknights"],
    "community": ["Go to the Tuesday group twice", "Say hello at the allotment"],
    "social support": ["Call my sister on Sunday", "Ask Jo for a coffee"],
    "meaningful activity": ["Ask about volunteering", "Finish week one of the course"],
    "housing and safety": ["Fill in the housing form", "Get the lock on the door fixed"],
    "responsibility": ["Put every appointment in the calendar", "Open the post on Mondays"],
    "coping with services and daily life": ["Take Jo to the benefits office", "Ring the council"],
    "sense of progress": ["Write down one thing that went right", "Look back at the plan"],
}

# The thought tool (issue 19): a few goes at catching, checking and changing the urge's voice.
THOUGHTS: list[tuple[str, str, str]] = [
    (
        "One won't hurt. I've had a rotten week.",
        "One has never been one for me. The last time I said that, I lost the weekend.",
        "It has been a rotten week and I deserve something good: a takeaway and a film with Jo.",
    ),
    (
        "Everyone else is having a drink, I'll look odd.",
        "Nobody watched what I drank last time. Sam had a cola all night.",
        "I can have a lime and soda and leave at ten. That is allowed.",
    ),
    (
        "I've already slipped, so the whole week is ruined.",
        "One bad night is one bad night. I kept five days before it.",
        "Today counts. I'll go to the Tuesday group and tell them.",
    ),
]
