using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Domain.Assignments;
using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Text;
using Bot.Domain.Time;

namespace Bot.Tests.Chat;

/// <summary>
/// Never a false all-clear, as a property: on stores changed at random (work confirmed, the clock moved
/// on by days or months) random officials ask random questions about their own or a named unit, with
/// and without accents. Every answer that says "không có" must be true by a direct query of the store,
/// and every list's count must be the store's count: the test counts from the assignments themselves
/// (the open ones, a repeating duty by its open period due first), not through the conversation's code.
/// </summary>
public partial class NoFalseAllClearTests
{
    private const string Channel = "test";

    private enum Ask { Open, Overdue, Today, NextWeek }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Every_nothing_is_true_and_every_count_is_the_stores(int seed)
    {
        var random = new Random(seed);
        using var world = BotWorld.Create(Channel);
        using var bot = world.Open();
        var store = bot.Get<IAssignmentStore>();
        var officials = bot.Get<IDirectoryStore>().All();
        var leader = officials.First(o => o.Role == Role.DistrictLeader);
        var units = bot.Units.Units.Where(u => u.Kind is UnitKind.Commune or UnitKind.Town or UnitKind.Department).ToList();
        var linked = new HashSet<string>(StringComparer.Ordinal);
        var nothings = 0;

        for (var round = 0; round < 6; round++)
        {
            world.Clock.Advance(TimeSpan.FromDays(random.Next(0, round == 0 ? 1 : 60)));
            ConfirmSome(store, units[random.Next(units.Count)], leader, random);
            for (var q = 0; q < 8; q++)
            {
                var unit = units[random.Next(units.Count)];
                var own = officials.FirstOrDefault(o => o.UnitCode == unit.Code);
                var named = own is null || random.Next(2) == 0;
                var asker = named ? leader : own!;
                var ask = (Ask)random.Next(4);
                var name = random.Next(2) == 0 ? unit.Name : VietnameseText.Fold(unit.Name);
                var text = Question(ask, named ? name : null);
                if (linked.Add(asker.Phone)) bot.Link(asker.Phone, new ChatAccount(Channel, "u" + asker.Phone));
                var user = "u" + asker.Phone;
                var reply = bot.Handle(new Inbound(Channel, user, user) { Text = text });
                var said = string.Join("\n", reply.Messages.Select(m => m.Text));
                var expected = Expected(store, unit.Code, ask, world.Clock.GetUtcNow());
                var context = $"seed {seed}, round {round}: {asker.Name} asked «{text}» about {unit.Name}; the store has {expected}:\n{said}";

                Assert.Contains(unit.Name, said, StringComparison.Ordinal);
                if (said.Contains(" không có việc", StringComparison.Ordinal))
                {
                    nothings++;
                    Assert.True(expected == 0, context);
                }
                else
                {
                    var count = Heading().Match(said);
                    Assert.True(count.Success, context);
                    Assert.True(int.Parse(count.Groups["n"].Value, CultureInfo.InvariantCulture) == Math.Min(expected, ShownLists.MaxListed), context);
                }
            }
        }
        Assert.True(nothings > 0, "no question was answered with nothing: the property was not exercised");
    }

    private static string Question(Ask ask, string? unit) => (ask, unit) switch
    {
        (Ask.Open, null) => "việc của tôi",
        (Ask.Open, { } u) => $"{u} còn việc gì",
        (Ask.Overdue, null) => "co viec nao qua han khong",
        (Ask.Overdue, { } u) => $"quá hạn {u}",
        (Ask.Today, null) => "hôm nay phải làm gì",
        (Ask.Today, { } u) => $"hom nay {u} co viec gi",
        (Ask.NextWeek, null) => "tuần sau còn gì",
        (Ask.NextWeek, { } u) => $"việc tuần sau của {u}",
        _ => throw new ArgumentOutOfRangeException(nameof(ask)),
    };

    /// <summary>The store's own answer: open work of the unit in the asked window, a repeating duty counted by its open period due first.</summary>
    private static int Expected(IAssignmentStore store, string unit, Ask ask, DateTimeOffset now)
    {
        var open = store.OpenOfUnit(unit)
            .GroupBy(a => a.Period is null ? a.Id : $"{a.TaskId}|{a.UnitCode}")
            .Select(g => g.OrderBy(a => a.DueBefore ?? DateTimeOffset.MaxValue).First())
            .ToList();
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now));
        var monday = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7);
        return ask switch
        {
            Ask.Open => open.Count,
            Ask.Overdue => open.Count(a => a.DueBefore is { } d && d <= now),
            Ask.Today => open.Count(a => a.DueBefore is { } d && d > now && d <= VietnamTime.StartOfDay(today.AddDays(1))),
            Ask.NextWeek => open.Count(a => a.DueBefore is { } d && d > VietnamTime.StartOfDay(monday) && d <= VietnamTime.StartOfDay(monday.AddDays(7))),
            _ => throw new ArgumentOutOfRangeException(nameof(ask)),
        };
    }

    /// <summary>Confirms a random share of a unit's open work, as its district leader may.</summary>
    private static void ConfirmSome(IAssignmentStore store, Unit unit, Official by, Random random)
    {
        var open = store.OpenOfUnit(unit.Code);
        foreach (var a in open.Where(_ => random.Next(3) == 0)) store.Confirm(a.Id, by);
    }

    [GeneratedRegex(@"\((?<n>\d+) việc")]
    private static partial Regex Heading();
}
