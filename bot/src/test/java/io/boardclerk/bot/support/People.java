package io.boardclerk.bot.support;

import io.boardclerk.bot.support.FakeConnector.Member;

/** The invented board members the end-to-end tests use, as Teams identifies them. */
public final class People {

    public static final Member SECRETARY = new Member("29:claire", "Claire Dunmore", "aad-claire");
    public static final Member CHAIR = new Member("29:helen", "Helen Marsh", "aad-helen");
    public static final Member JON = new Member("29:jon", "Jon Leigh", "aad-jon");
    public static final Member JANE = new Member("29:jane", "Jane Gifford", "aad-jane");
    public static final Member VIC = new Member("29:vic", "Vic Evers", "aad-vic");
    public static final Member NINA = new Member("29:nina", "Nina Hart", "aad-nina");
    public static final Member LOUISA = new Member("29:louisa", "Louisa Barry", "aad-louisa");

    private People() {
    }
}
