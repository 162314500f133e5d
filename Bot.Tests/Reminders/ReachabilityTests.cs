using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Tests.Storage;

namespace Bot.Tests.Reminders;

/// <summary>The one place that decides who can be written to, on a real store and a fake clock.</summary>
public sealed class ReachabilityTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Refused_marks_once_from_the_first_refusal_and_writing_again_clears_it()
    {
        var store = _temp.Open();
        var account = new ChatAccount("telegram", "1001");
        store.Directory.Upsert([
            new Official { Phone = "0900000001", Name = "Nguyễn Văn A", UnitCode = "NV", Role = Role.Staff, ChatAccounts = [account] },
            new Official { Phone = "0900000002", Name = "Trần Thị B", UnitCode = "TP", Role = Role.Staff },
        ]);
        var reachability = new Reachability(store.Preferences, store.Directory, _temp.Clock);
        var first = _temp.Clock.GetUtcNow();

        Assert.True(reachability.Refused(account));
        _temp.Clock.Advance(TimeSpan.FromHours(2));
        reachability.Refused(store.Directory.ByPhone("0900000002")!);
        Assert.True(reachability.Refused(account)); // again: the first refusal's time is kept
        Assert.False(reachability.Refused(new ChatAccount("telegram", "9999"))); // nobody's account

        Assert.Equal([("0900000001", first), ("0900000002", first.AddHours(2))], reachability.Unreachable().Select(u => (u.Official.Phone, u.Since)));
        reachability.Heard(store.Directory.ByPhone("0900000001")!);
        Assert.Equal(["0900000002"], reachability.Unreachable().Select(u => u.Official.Phone));
    }
}
