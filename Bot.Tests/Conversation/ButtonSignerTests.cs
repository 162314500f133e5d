using System.Text;
using Bot.Domain.Conversation;

namespace Bot.Tests.Conversation;

public class ButtonSignerTests
{
    private static readonly DateTimeOffset Now = new(2023, 10, 20, 8, 0, 0, TimeSpan.FromHours(7));
    private readonly ButtonSigner _signer = new(Encoding.UTF8.GetBytes("a test key of at least sixteen bytes"));

    [Fact]
    public void A_button_reads_back_for_the_person_it_was_made_for()
    {
        var data = _signer.Sign("d", "6531f0c2a4b5c6d7e8f90123", "501", Now);
        Assert.True(Encoding.UTF8.GetByteCount(data) <= 64);
        Assert.True(_signer.TryRead(data, "501", out var command));
        Assert.Equal(("d", "6531f0c2a4b5c6d7e8f90123"), (command.Action, command.Argument));
        Assert.Equal(Now.AddSeconds(-Now.Second), command.IssuedAt);
    }

    [Theory]
    [InlineData("another person", "502", false)]
    [InlineData("changed argument", null, true)]
    public void Forged_or_foreign_buttons_are_refused(string why, string? otherUser, bool tamper)
    {
        var data = _signer.Sign("d", "17", "501", Now);
        if (tamper) data = data.Replace(".17.", ".18.", StringComparison.Ordinal);
        Assert.False(_signer.TryRead(data, otherUser ?? "501", out _), why);
    }

    [Theory]
    [InlineData("")]
    [InlineData("d.17")]
    [InlineData("d.17.1000.AAAAAAAAAAAA")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public void Malformed_data_is_refused(string data) => Assert.False(_signer.TryRead(data, "501", out _));

    [Fact]
    public void A_key_from_another_install_does_not_verify()
    {
        var other = new ButtonSigner(Encoding.UTF8.GetBytes("another key, also sixteen bytes+"));
        Assert.False(other.TryRead(_signer.Sign("d", "17", "501", Now), "501", out _));
    }
}
