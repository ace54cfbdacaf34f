"""A small list of the passwords people pick most often, refused as passphrases.

Written from the well-known public "most common passwords" lists (the kind every password
cracker tries first). Only the bases are needed: :mod:`workbook.storage.passphrase_rules` also
strips digits and symbols from the ends before looking a passphrase up, so "Password123!"
is refused along with "password". Lower case; eight characters or more, since anything shorter
is refused for its length anyway (a few shorter bases are here for the stripped look-up).
"""

from __future__ import annotations

_WORDS = """
    password passw0rd p@ssword p@ssw0rd passwort motdepasse contrasena parola wachtwoord
    password1 password12 password123 password1234 mypassword newpassword changeme letmein
    letmeinnow welcome welcome1 welcome123 iloveyou iloveyou1 iloveyou2 loveyou lovely
    12345678 123456789 1234567890 0123456789 87654321 987654321 11111111 111111111 00000000
    12341234 11223344 12121212 123123123 123321123 1q2w3e4r 1q2w3e4r5t 1qaz2wsx qwertyuiop
    qwerty qwerty12 qwerty123 qwerty1234 qwertyui qwertyu asdfghjkl asdfghjk asdfasdf
    zxcvbnm zxcvbnmm azertyuiop qazwsxedc qweasdzxc abcdefgh abcd1234 abc12345 abcdefg
    aaaaaaaa asdf1234 zaq12wsx q1w2e3r4 a1b2c3d4 football baseball basketball soccer hockey
    superman batman spiderman starwars pokemon minecraft fortnite princess sunshine shadow
    master monkey dragon dragon12 michael jennifer jordan23 jessica charlie computer
    internet whatever trustno1 freedom freedom1 secret secret123 access accessgranted
    administrator admin admin123 admin1234 root1234 login login123 guest1234 default
    changeit test1234 testing testtest passpass blessed blessing jesus jesuschrist
    godisgood heaven angel angels butterfly flower flowers chocolate cookie cheese
    summer winter spring autumn monday tuesday friday sunday saturday january february
    september december november october christmas birthday hello123 helloworld
    goodluck fuckyou fuckoff buster tigger ginger pepper daniel thomas robert william
    liverpool arsenal chelsea manchester barcelona newyork london london1 canada america
    mustang ferrari porsche mercedes corvette harley yankees cowboys steelers eagles
    killer hunter ranger rainbow purple orange banana apple apple123 samsung iphone
    google facebook linkedin twitter youtube myspace zaq1zaq1 1qazxsw2 password! passw0rd!
    recovery sobriety clean sober sobriety1 recovery1 onedayatatime serenity serenity1
    """

COMMON: frozenset[str] = frozenset(_WORDS.split())
