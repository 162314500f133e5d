using System.Text;
using Bot.Domain.Conversation;
using Bot.Domain.Organization;

namespace Bot.Tests.Chat;

/// <summary>
/// 10,000 random, garbled and oversized messages and forged button taps, from a linked official and
/// from a stranger: no exception escapes, and nothing in the store changes (assignments, officials,
/// preferences, audit log). Seeded, so a failure can be replayed.
/// </summary>
public class FuzzTests
{
    // Read-only questions to garble; none of them confirms, mutes or changes anything.
    private static readonly string[] Questions =
        ["việc của tôi", "quá hạn", "tiến độ", "công văn 1259", "sắp đến hạn", "việc 3", "tuần này", "trước 30/11", "xem thêm", "hướng dẫn"];

    [Fact]
    public void Garbage_and_forged_buttons_change_nothing()
    {
        using var world = BotWorld.Create();
        using var app = world.Open();
        app.Link("0900000015", new ChatAccount("test", "minh"));
        // A real button, to forge variations of.
        var list = app.Handle(new Inbound("test", "minh", "minh") { Text = "việc của tôi" });
        var real = list.Messages[0].Buttons[0][0].Data;
        var before = Fingerprint(app);

        var random = new Random(20231020);
        for (var i = 0; i < 10_000; i++)
        {
            var user = i % 3 == 0 ? "stranger" : "minh";
            var inbound = (i % 4) switch
            {
                0 => new Inbound("test", user, user) { Tap = new ButtonTap(ForgedData(random, real), "1", "q" + i) },
                _ => new Inbound("test", user, user) { Text = Garbled(random) },
            };
            var reply = app.Handle(inbound);
            if (inbound.Tap is not null) Assert.Equal("Nút này không còn hiệu lực.", reply.Answer?.Text);
            Assert.All(reply.Messages, m => Assert.InRange(m.Text.Length, 1, 4096));
        }

        Assert.Equal(before, Fingerprint(app));
    }

    private static string Garbled(Random random)
    {
        switch (random.Next(6))
        {
            case 0: // random code points, including controls, surrogates and private use
                return new string(Enumerable.Range(0, random.Next(1, 200)).Select(_ => (char)random.Next(0, 0xFFFF)).ToArray());
            case 1: // oversized
                return new string('x', random.Next(4_000, 100_000));
            case 2: // binary bytes read as Latin-1
                return Encoding.Latin1.GetString(Enumerable.Range(0, random.Next(1, 500)).Select(_ => (byte)random.Next(256)).ToArray());
            case 3: // injection-looking text
                return random.Next(3) switch { 0 => "'; DROP TABLE assignments; --", 1 => "{\"$where\": \"1==1\"}", _ => "<script>alert(1)</script>" };
            default: // a real question with letters dropped, doubled or swapped
                var q = Questions[random.Next(Questions.Length)].ToCharArray().ToList();
                for (var k = random.Next(1, 4); k > 0 && q.Count > 1; k--)
                {
                    var at = random.Next(q.Count);
                    switch (random.Next(3))
                    {
                        case 0: q.RemoveAt(at); break;
                        case 1: q.Insert(at, q[at]); break;
                        default: (q[at], q[(at + 1) % q.Count]) = (q[(at + 1) % q.Count], q[at]); break;
                    }
                }
                return new string([.. q]);
        }
    }

    private static string ForgedData(Random random, string real)
    {
        switch (random.Next(5))
        {
            case 0: return "";
            case 1: return real[..random.Next(real.Length)];                         // truncated
            case 2:                                                                  // one character changed
                var chars = real.ToCharArray();
                var at = random.Next(chars.Length);
                chars[at] = chars[at] == 'A' ? 'B' : 'A';
                return new string(chars);
            case 3: return $"d.{random.Next():x}-{random.Next(1, 50)}.{random.Next()}.{Convert.ToBase64String(BitConverter.GetBytes(random.NextInt64()))}";
            default: return new string(Enumerable.Range(0, random.Next(1, 64)).Select(_ => (char)random.Next(32, 0x2FFF)).ToArray());
        }
    }

    private static string Fingerprint(TestBot app)
    {
        var text = new StringBuilder();
        foreach (var unit in app.Units.Units)
            foreach (var a in app.Store.Assignments.OpenOfUnit(unit.Code).Concat(app.Store.Assignments.DoneOfUnit(unit.Code)).OrderBy(a => a.Id, StringComparer.Ordinal))
            {
                text.Append(a.Id).Append(a.Status).Append(a.DueBefore).Append(a.Completion).Append('\n');
                text.Append(app.Store.Assignments.AuditOf(a.Id).Count).Append('\n');
            }
        foreach (var o in app.Store.Directory.All().OrderBy(o => o.Phone, StringComparer.Ordinal))
            text.Append(o.Phone).Append(o.Role).Append(string.Join(',', o.ChatAccounts)).Append('\n');
        foreach (var p in app.Preferences.OrderBy(p => p.Phone, StringComparer.Ordinal))
            text.Append(p.Phone).Append(p.Digest).Append(p.MutedAll).Append(string.Join(',', p.MutedAssignments)).Append(string.Join(',', p.Snoozed)).Append('\n');
        return text.ToString();
    }
}
