using System.Security.Cryptography;
using System.Text;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// The ECDSA P-256 key that signs airtime checkpoints, kept as a PEM file outside the database (created on first use,
/// readable by the service user only), so that someone who can edit the database file alone cannot sign a new head.
/// </summary>
public sealed class AirtimeCheckpointKey : IDisposable
{
    /// <summary>File name of the key inside the keys folder.</summary>
    public const string FileName = "airtime-checkpoint.pem";

    private readonly ECDsa _key;

    /// <summary>Loads the key from <paramref name="keysFolder"/>, creating it (mode 0600) when there is none.</summary>
    public AirtimeCheckpointKey(string keysFolder)
    {
        Path = System.IO.Path.Combine(keysFolder, FileName);
        _key = ECDsa.Create();
        if (File.Exists(Path)) _key.ImportFromPem(File.ReadAllText(Path));
        else Create(keysFolder);
        var spki = _key.ExportSubjectPublicKeyInfo();
        PublicKeyPem = PemEncoding.WriteString("PUBLIC KEY", spki);
        KeyId = Convert.ToHexStringLower(SHA256.HashData(spki))[..16];
    }

    /// <summary>Where the private key is stored.</summary>
    public string Path { get; }

    /// <summary>First 16 hex digits of SHA-256 over the public key (SubjectPublicKeyInfo DER).</summary>
    public string KeyId { get; }

    /// <summary>The public key, to check exported heads without BroadcastHub.</summary>
    public string PublicKeyPem { get; }

    /// <summary>Signature over the UTF-8 text (IEEE P1363 r‖s, lower-case hex).</summary>
    public string Sign(string payload) => Convert.ToHexStringLower(_key.SignData(Encoding.UTF8.GetBytes(payload), HashAlgorithmName.SHA256));

    /// <summary>True when <paramref name="signature"/> is this key's signature over <paramref name="payload"/>.</summary>
    public bool Verifies(string payload, string signature)
    {
        try
        {
            return _key.VerifyData(Encoding.UTF8.GetBytes(payload), Convert.FromHexString(signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    private void Create(string keysFolder)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(keysFolder);
        else Directory.CreateDirectory(keysFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _key.GenerateKey(ECCurve.NamedCurves.nistP256);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var temp = Path + ".new";
        File.Delete(temp);
        using (var file = new StreamWriter(temp, Encoding.ASCII, options)) file.Write(_key.ExportPkcs8PrivateKeyPem());
        File.Move(temp, Path);
    }
}
