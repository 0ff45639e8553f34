"""YouTube (creators): "Allow third-party companies to train AI models using my content".

Since December 2024 a channel can allow companies other than Google to train AI models on its
public videos: YouTube Studio > Settings > Channel > Advanced settings > "Third-party training".
The box is unticked by default ("an unchecked box means third-party companies aren't allowed"),
so for most channels optout only reads it and finds it off. Ticked, it comes with a choice:
"Selected third-party companies only" (picked from a list, 18 companies at launch, among them
AI21 Labs, Adobe, Amazon, Anthropic, Apple, ByteDance, Cohere, IBM, Meta, Microsoft, Nvidia,
OpenAI, Perplexity, Pika Labs, Runway, Stability AI and xAI) or "All third-party companies".
optout unticks the box, which withdraws the permission from every company at once, presses
"Save", reloads and reads it back; the company choice is never touched.

Worth knowing: the box does not cover Google's own training on YouTube content (YouTube's terms
govern that, and there is no switch for it), nor scraping, which the terms already forbid. A
video's training status is public through the YouTube Data API (videoTrainability). A Google
account without a channel has nothing to set: Studio asks it to create a channel first, which
optout reports as not offered. Channels owned and operated under a Content Manager have the
setting in Studio Content Manager, where its administrators set it for all linked channels.

While the box is ticked, the report repeats which companies it allows, as the dropdown under
the box names them (`said_when_on`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from optout.flow import Confirm, Find, Flow, Guess, Section, Setting, Source
from optout.flows.gemini import FLOW as GOOGLE

# GUESS (2026-12): the sources give the menu path (Settings > Channel > Advanced settings), not
# an address; a Studio address with /channel/UC/ stands for the active channel (public scripts),
# and a public setup checklist, the only source for it, opens the settings at
# /settings/channel. Studio may not honour it: then neither tab shows and the run stops as a
# broken flow, never as "not offered".
SETTINGS = "https://studio.youtube.com/channel/UC/settings/channel"

SETTING = Setting(
    id="third-party-training",
    label="Allow third-party companies to train AI models using my content",
    url=SETTINGS,
    # GUESS (2026-12): the Settings dialog (a tp-yt-paper-dialog, role dialog) is the part of
    # the page taken to hold the box once it shows the heading "Third-party training"; without
    # a channel, Studio's channel-creation dialog "How you'll appear" stands in its place.
    section=Section("dialog", r"^(third.party training|how you.ll appear)$"),
    # "Check the box next to Allow third-party companies to train AI models using my content"
    # (help 15509944); a UI clone says "... my channel content": the stable start matches both.
    control=Find("toggle", r"allow third.party companies to train ai models"),
    # "Click Save" (help 15509944); public scripts press the dialog's #submit-button.
    confirm=Confirm.SAVE,
    confirm_button=Find("button", r"^save$"),
    # GUESS (2026-12): the Channel page's sub-pages ("Basic info", "Advanced settings",
    # "Feature eligibility", as public scripts click them) are taken to be tabs.
    reveal=Find("tab", r"^advanced settings$"),
    # GUESS (2026-12): the dialog's menu (General, Channel, Upload defaults, Permissions...)
    # is taken to be tabs too; clicked only if the dialog opens on another page.
    tab=Find("tab", r"^channel$"),
    # What Studio shows a Google account without a channel (a public Studio script).
    # GUESS (2026-12): it shows at the settings address itself, in place of the settings.
    absent=r"how you.ll appear",
    # GUESS (2026-12): the companies chosen show in a dropdown named "Third-party companies:
    # ..." under the box (a UI clone); the report repeats them while the box is ticked.
    said_when_on=Find("button", r"^third.party companies"),
    offered_to="only to accounts with a YouTube channel (a Google account without one is "
               "asked to create it first); channels owned and operated under a Content "
               "Manager have it in Studio Content Manager instead",
    manual_path="studio.youtube.com > Settings > Channel > Advanced settings > Third-party "
                "training > untick \"Allow third-party companies to train AI models using my "
                "content\" > Save",
)

FLOW = Flow(
    slug="youtube",
    title="YouTube (creators)",
    # Studio lives on studio.youtube.com; Google's sign-in on accounts.google.com.
    domains=("youtube.com", "google.com"),
    # GUESS (2026-12): the help page carries no date; the newest dated source is a Studio
    # automation script's evidence of 2026-09-29.
    verified=date(2026, 9, 29),
    # YouTube signs in through Google's own pages, as Gemini does; only the way in differs:
    # ServiceLogin for the youtube service, back to Studio (public YouTube sign-in helpers).
    login=replace(
        GOOGLE.login,
        url="https://accounts.google.com/ServiceLogin?service=youtube&hl=en"
            "&continue=https://studio.youtube.com/",
        # A public downloader takes SAPISID as the sign of a YouTube session; Google sets it
        # on youtube.com too.
        signed_in_cookie="SAPISID",
    ),
    settings=(SETTING,),
    # Advanced settings' other boxes (a public UI clone of the page): not about AI, never
    # touched. The page's radios (Audience, the company choice) are not toggles.
    neighbours=(
        Find("toggle", r"don.t show potentially inappropriate words"),
        Find("toggle", r"^disable interest.based ads"),
        Find("toggle", r"^allow viewers to clip my content"),
    ),
    notes="Off by default; ticked, it allows the companies chosen under it (\"Selected "
          "third-party companies only\" or \"All third-party companies\"); the report names the "
          "companies the dropdown under it shows. Unticking it withdraws them all. "
          "Google often refuses automated browsers (\"This browser or app may not be "
          "secure\"): expect `optout login youtube --browser` to sign in by hand once.",
    guesses=(
        Guess("other", "the chosen companies are taken to show in a dropdown named 'Third-party "
                       "companies: ...' under the box", "third-party-training"),
        Guess("url", "the settings dialog is taken to open on Channel at "
                     "/channel/UC/settings/channel; only an unsourced checklist gives it",
              "third-party-training"),
        Guess("section", "the Settings dialog (or the channel-creation dialog) is taken to be the "
                         "part holding the box, found by the heading 'Third-party training'",
              "third-party-training"),
        Guess("other", "the Channel page's 'Advanced settings' and the dialog's 'Channel' are "
                       "taken to be tabs", "third-party-training"),
        Guess("other", "a channel-less account is taken to see the channel-creation dialog at "
                       "the settings address itself", "third-party-training"),
        *(g for g in GOOGLE.guesses if g.fact == "login"),
    ),
    sources=(
        Source("path Studio > Settings > Channel > Advanced settings > \"Third-party "
               "training\"; tick the box next to \"Allow third-party companies to train AI "
               "models using my content\" (unticked: not allowed); then \"Selected third-party "
               "companies only\" (from a drop-down) or \"All third-party companies\"; Save; off "
               "by default; affiliate channels set it in channel settings, owned and operated "
               "channels in Studio Content Manager",
               "YouTube help https://support.google.com/youtube/answer/15509944 (copies at "
               "googlesupport.serverhump.com, en-GB, and a proxied en-US copy)"),
        Source("the option \"Allow third-party companies to train AI models using my content\" "
               "in YouTube Studio settings, off by default; a video's status is public "
               "(videoTrainability)",
               "YouTube Data API docs https://developers.google.com/youtube/v3/video-trainability"),
        Source("18 companies at launch (AI21 Labs, Adobe, Amazon, Anthropic, Apple, ByteDance, "
               "Cohere, IBM, Meta, Microsoft, Nvidia, OpenAI, Perplexity, Pika Labs, Runway, "
               "Stability AI, xAI named) or \"All third-party companies\"; Google's own "
               "training continues under its existing terms",
               "TechCrunch, 2024-12-16, as republished (vdmlovers.com, whatthefuture.ai, "
               "pakistancustoms.net)"),
        Source("path Settings > Channel > Advanced settings; unticked by default",
               "aitoolsage.com \"YouTube AI Training: How to Opt Out\""),
        Source("Studio's settings are a dialog (ytcp-settings-dialog inside "
               "ytcp-channel-settings-dialog, a tp-yt-paper-dialog with a ytcp-navigation menu) "
               "opened from the left menu's Settings (#settings-item); Channel > \"Basic info\" "
               "/ \"Advanced settings\"; boxes are tp-yt-paper-checkbox; the footer's Save "
               "(#submit-button) stores a change, Close (#cancel-button) leaves",
               "public Playwright scripts driving the live Studio settings dialog, evidence of "
               "2026-09-29 (repositories not recorded); code-charity/youtube#1825 (an XPath "
               "into the dialog)", live=True),
        Source("Advanced settings' parts: Audience, Google Ads account linking, Automatic "
               "captions (\"Don't show potentially inappropriate words\"), Advertisements "
               "(\"Disable interest-based ads\"), Clips (\"Allow viewers to clip my content\"), "
               "Third-party training (\"Allow third-party companies to train AI models using my "
               "channel content\", with \"If you select this option, we may share your videos "
               "with third-party companies...\"), Other settings",
               "a public UI clone of Studio's Channel > Advanced settings (a ChannelSettings "
               "component and types/channel-settings.ts; repository not recorded)"),
        Source("/channel/UC/ in a Studio address stands for the active channel",
               "public Studio automation scripts (\"Studio rewrites UC to the active channel\")"),
        Source("settings address studio.youtube.com/channel/UC/settings/channel (a guess "
               "resting on this one note)", "a public Russian setup checklist (repository not "
               "recorded)"),
        Source("a Google account without a channel gets the channel-creation dialog \"How "
               "you'll appear\" (ytd-channel-creation-dialog-renderer) with \"Create channel\" "
               "on entering Studio",
               "a public YouTube Studio automation script (repository not recorded)", live=True),
        Source("sign-in at https://accounts.google.com/ServiceLogin?service=youtube with a "
               "continue address", "public YouTube sign-in helpers' LOGIN_URL constants"),
        Source("SAPISID among a YouTube session's cookies",
               "a public downloader's SESSION_COOKIE_NAMES (repository not recorded)"),
    ),
)
