# ruff: noqa: E501 (news text, one paragraph a line, as the articles have it)
"""Texts the segment tests share, and `doc`, the one way they segment a text.

Excerpts of the seed spun article (a content-farm rewrite of the AP story of 25 Jan 2022) and of
Reuters-21578 (1987 wire copy, free for research use; see tests/fixtures/testing/SOURCE.md),
copied here so the tests run without ../shared/."""

from unspin.model import Article, Doc
from unspin.segmentation import segment


def doc(text: str) -> Doc:
    """`text` segmented, as an article with no title."""
    return segment(Article(text=text))


SEED = """\
Russia’s Invasion of Ukraine Is Not Imminent, Ukraine Insists. Latest News!


Diplomatic efforts have been fruitless, and this week tensions have risen even worse. A NATO “reaction force” for Europe has been announced, with the United States ordering 8,500 troops to a higher state of readiness in preparation for a possible deployment to the Baltic Sea region “in case of necessity.

U.S. diplomats’ families have been told to leave Ukraine, and non-essential embassy staff have been given the option of leaving as well, according to a statement from the State Department. The British government has also announced the departure of some of its diplomats and their families from the embassy.

Even while the Ukrainian government has tried to portray a sense of calm, recent polls suggest that just half of the population believes an invasion is likely.

Defense Minister Oleksii Reznikov said in parliament on Tuesday that “as of today, there are no grounds to assume” that Russia is ready to invade soon, stressing that its forces have not established what he called a fighting group that could force their way through the border. Reznikov said.

Don’t worry, Reznikov reassured. “There’s no need to bring anything.”

A NATO-planned provocations are being used as a pretext by the West to accuse Russia of an invasion. Dmitry Peskov, a spokesman for the Kremlin, accused the United States on Tuesday of “fomenting tensions” over Ukraine, a former Soviet state with which Russia has been engaged in a long-running dispute.

When a Kremlin-friendly Ukrainian president was toppled in 2014, Moscow seized control of the Crimean Peninsula and backed separatist rebels in the country’s eastern industrial heartland. Since then, more than 14,000 people have been murdered in clashes between Ukrainian forces and insurgents backed by Russia, and efforts to find a diplomatic solution to the crisis have stagnated.

“Ukrainian authorities are trying to prevent destabilisation and fear inside the nation,” political analyst Volodymyr Fesenko said, citing the reassuring remarks that there is no imminent Russian invasion. This snowball is becoming increasingly difficult for the authorities in Kyiv to control because of the Kremlin’s plans to destabilise Ukraine and instil fear and frenzy among the Ukrainian people.”

According to a poll conducted by the Kyiv International Institute of Sociology, 48 percent of Ukrainians believe that an invasion is a serious threat in the near future. Despite the fact that many are aware that recent measures could be part of an information warfare strategy, 39% of respondents stated they don’t expect this to occur.


The margin of error for the nationwide survey of 1,205 participants, conducted from January 21 to 22, was no greater than 3.2 percentage points.

No one can deny that Russia’s actions and a possible conflict with Ukraine could lead to severe economic hardships for the Ukrainian people. A 46-year-old construction worker in Kyiv said, “But we will be compelled to fight and defend ourselves.” However, my entire family does not want to fight and lives in constant tension. I am willing to do so.” As the days pass, the news becomes increasingly frightening.

President Biden’s announcement on Monday that U.S.-based forces would be on heightened alert for Europe suggests that the Biden administration is losing faith in Vladimir Putin’s ability to back down from his threat to invade Ukraine.

Equipment and ammunition from the United States are slated to arrive in Ukraine on Tuesday as part of a $200 million package of security aid.

The United States is joining other NATO members in stepping up their defensive capabilities in Eastern Europe. A frigate and F-16 aeroplanes are being sent to Lithuania by Denmark; Spain is sending four fighter jets to Bulgaria and three ships to join NATO naval forces in the Black Sea; and France is ready to send troops in Romania.
"""

# Reuters-21578 NEWID 1 (opening) and NEWID 4 (excerpt): hard-wrapped lines, indented paragraphs.
REUTERS_COCOA = """\
Showers continued throughout the week in
the Bahia cocoa zone, alleviating the drought since early
January and improving prospects for the coming temporao,
although normal humidity levels have not been restored,
Comissaria Smith said in its weekly review.
    The dry period means the temporao will be late this year.
    Arrivals for the week ended February 22 were 155,221 bags
of 60 kilos making a cumulative total for the season of 5.93
mln against 5.81 at the same stage last year. Again it seems
that cocoa delivered earlier on consignment was included in the
arrivals figures.
    Comissaria Smith said spot bean prices rose to 340 to 350
cruzados per arroba of 15 kilos.
    Bean shippers were reluctant to offer nearby shipment and
only limited sales were booked for March shipment at 1,750 to
1,780 dlrs per tonne to ports to be named.
"""

REUTERS_BANKAMERICA = """\
BankAmerica Corp is not under
pressure to act quickly on its proposed equity offering and
would do well to delay it because of the stock's recent poor
performance, banking analysts said.
    Some analysts said they have recommended BankAmerica delay
its up to one-billion-dlr equity offering, which has yet to be
approved by the Securities and Exchange Commission.
    "The circumstances at the time will determine what we do,"
said Arthur Miller, BankAmerica's Vice President for Financial
Communications, when asked if BankAmerica would proceed with
the offer immediately after it receives SEC approval.
    Nevertheless, BankAmerica, which holds about 2.70 billion
dlrs in Brazilian loans, stands to lose 15-20 mln dlrs if the
interest rate is reduced on the debt, and as much as 200 mln
dlrs if Brazil pays no interest for a year, said Joseph
Arsenio, analyst with Birr, Wilson and Co.
"""
