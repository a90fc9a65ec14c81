using System.Security.Cryptography;
using System.Text;
using IntakeMesh.Core.Identity;

namespace IntakeMesh.Core.Tests.Identity;

public class IdentifierVaultTests
{
    private static VaultKey Key(string id, byte fill) => new(id, Enumerable.Repeat(fill, VaultKey.KeyBytes).ToArray());

    private static readonly IdentifierVault Vault = new([Key("k1", 1)]);

    [Fact]
    public void Seal_ThenOpen_GivesTheValueBack_AndTheSealedFormHidesIt()
    {
        var sealedValue = Vault.Seal(IdentifierKind.Phone, "+8613812345678");

        Assert.StartsWith("v1.k1.", sealedValue);
        Assert.DoesNotContain("13812345678", sealedValue);
        Assert.Equal("+8613812345678", Vault.Open(IdentifierKind.Phone, sealedValue));
    }

    [Fact]
    public void Seal_SameValueTwice_DiffersEachTime()
    {
        // A fresh nonce per seal: equal values do not show up as equal ciphertexts in storage.
        var seals = Enumerable.Range(0, 50).Select(_ => Vault.Seal(IdentifierKind.Email, "li@example.com")).ToHashSet();

        Assert.Equal(50, seals.Count);
        Assert.All(seals, s => Assert.Equal("li@example.com", Vault.Open(IdentifierKind.Email, s)));
    }

    [Fact]
    public void Seal_UnicodeAndEmptyValues_RoundTrip()
    {
        foreach (var value in new[] { "", "weibo:李华😡", new string('x', 5000) })
        {
            Assert.Equal(value, Vault.Open(IdentifierKind.Handle, Vault.Seal(IdentifierKind.Handle, value)));
        }
    }

    [Fact]
    public void Open_AfterRotation_OldValuesOpen_NewOnesUseTheNewKey_AndResealMovesThem()
    {
        var before = Vault.Seal(IdentifierKind.Phone, "+8613812345678");
        var rotated = new IdentifierVault([Key("k2", 2), Key("k1", 1)]);

        var after = rotated.Seal(IdentifierKind.Phone, "+8613912345678");
        var moved = rotated.Reseal(new SealedIdentifier(IdentifierKind.Phone, "h", "+86 138****5678", before));

        Assert.Equal("+8613812345678", rotated.Open(IdentifierKind.Phone, before));
        Assert.Equal("k2", IdentifierVault.KeyIdOf(after));
        Assert.Equal("k2", IdentifierVault.KeyIdOf(moved.Sealed));
        Assert.Equal("+8613812345678", rotated.Open(moved));
        // Once every value is re-sealed, the old key can go.
        Assert.Equal("+8613812345678", new IdentifierVault([Key("k2", 2)]).Open(moved));
    }

    [Fact]
    public void Reseal_CurrentOrUnopenable_IsLeftAsItIs()
    {
        var current = new SealedIdentifier(IdentifierKind.Email, "h", "l***@example.com", Vault.Seal(IdentifierKind.Email, "li@example.com"));
        var orphan = current with { Sealed = new IdentifierVault([Key("gone", 9)]).Seal(IdentifierKind.Email, "li@example.com") };

        Assert.Same(current, Vault.Reseal(current));
        Assert.Same(orphan, Vault.Reseal(orphan));
    }

    [Fact]
    public void Open_KeyNotInTheRing_FailsNamingTheKeyId()
    {
        var sealedValue = new IdentifierVault([Key("old", 7)]).Seal(IdentifierKind.Phone, "+8613812345678");

        var error = Assert.Throws<CryptographicException>(() => Vault.Open(IdentifierKind.Phone, sealedValue));

        Assert.Contains("'old'", error.Message);
    }

    [Fact]
    public void Open_TamperedOrMovedValues_AreRefused()
    {
        var sealedValue = Vault.Seal(IdentifierKind.Phone, "+8613812345678");
        var payload = sealedValue["v1.k1.".Length..];
        var flipped = payload[..10] + (payload[10] == 'A' ? 'B' : 'A') + payload[11..];

        Assert.ThrowsAny<CryptographicException>(() => Vault.Open(IdentifierKind.Phone, "v1.k1." + flipped));
        // The kind is authenticated: a phone's ciphertext does not open as an email.
        Assert.ThrowsAny<CryptographicException>(() => Vault.Open(IdentifierKind.Email, sealedValue));
        // So is the key id: relabelling a value for another key of the ring fails.
        var twoKeys = new IdentifierVault([Key("k1", 1), Key("k3", 1)]);
        Assert.ThrowsAny<CryptographicException>(() => twoKeys.Open(IdentifierKind.Phone, "v1.k3." + payload));
        foreach (var junk in new[] { "", "v1", "v1.k1", "v1.k1.", "v1.k1.!!!", "v2.k1." + payload, "v1..abc", "v1.k1." + payload[..8], "plain@example.com" })
        {
            Assert.ThrowsAny<CryptographicException>(() => Vault.Open(IdentifierKind.Phone, junk));
        }
    }

    [Fact]
    public void Reveal_OpensWhatItCan_AndReportsTheRestAsNull()
    {
        var phone = new SealedIdentifier(IdentifierKind.Phone, "h1", "+86 138****5678", Vault.Seal(IdentifierKind.Phone, "+8613812345678"));
        var lost = new SealedIdentifier(IdentifierKind.Email, "h2", "l***@example.com", "v1.gone.AAAA");

        var revealed = Vault.Reveal([phone, lost]);

        Assert.Equal([new RevealedIdentifier(IdentifierKind.Phone, "+86 138****5678", "+8613812345678"), new RevealedIdentifier(IdentifierKind.Email, "l***@example.com", null)], revealed);
    }

    [Fact]
    public void Construct_BadRings_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => new IdentifierVault([]));
        Assert.Throws<ArgumentException>(() => new IdentifierVault([Key("a", 1), Key("a", 2)]));
        Assert.Throws<ArgumentException>(() => new VaultKey("a", new byte[16]));
        Assert.Throws<ArgumentException>(() => new VaultKey("a.b", new byte[32]));
        Assert.Throws<ArgumentException>(() => new VaultKey("", new byte[32]));
    }

    [Fact]
    public void VaultKey_ToString_NeverShowsTheKey()
    {
        var key = new VaultKey("k1", Encoding.ASCII.GetBytes("0123456789abcdef0123456789ABCDEF"));

        Assert.Equal("VaultKey(k1)", key.ToString());
    }

    [Fact]
    public void Seal_ManyThreadsAtOnce_AllOpen()
    {
        var values = Enumerable.Range(0, 2000).Select(i => $"+86138{i:00000000}").ToArray();
        var sealedValues = new string[values.Length];

        Parallel.For(0, values.Length, i => sealedValues[i] = Vault.Seal(IdentifierKind.Phone, values[i]));

        Assert.Equal(values, sealedValues.Select(s => Vault.Open(IdentifierKind.Phone, s)));
    }
}
