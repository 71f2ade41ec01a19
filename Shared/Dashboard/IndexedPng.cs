using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace ReleaseWatch.Dashboard;

/// <summary>
/// Encodes an opaque bitmap as an 8-bit palette PNG (colour type 3), which Skia's encoder does not write: the 256
/// most used colours are kept, any other pixel (an antialiasing shade) takes the nearest of them. A chart has a few
/// flat colours and their edges, so it loses nothing visible and shrinks to about a third of a truecolour PNG.
/// </summary>
internal static class IndexedPng
{
    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    })];

    public static byte[] Encode(SKBitmap bitmap)
    {
        var pixels = bitmap.Pixels;
        var palette = pixels.GroupBy(p => p).OrderByDescending(g => g.Count()).Take(256).Select(g => g.Key).ToArray();
        var index = palette.Select((color, i) => (color, i)).ToDictionary(p => p.color, p => (byte)p.i);
        var rows = new byte[bitmap.Height * (bitmap.Width + 1)];
        for (var y = 0; y < bitmap.Height; y++)
        {
            // Each row starts with its filter type: 0, none (best for palette images).
            for (var x = 0; x < bitmap.Width; x++)
            {
                var color = pixels[(y * bitmap.Width) + x];
                if (!index.TryGetValue(color, out var i))
                {
                    i = Nearest(palette, color);
                    index[color] = i;
                }

                rows[(y * (bitmap.Width + 1)) + 1 + x] = i;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, bitmap.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), bitmap.Height);
        header[8] = 8; // bit depth
        header[9] = 3; // colour type: palette
        Chunk(png, "IHDR", header);
        Chunk(png, "PLTE", [.. palette.SelectMany(c => new[] { c.Red, c.Green, c.Blue })]);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(rows);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte Nearest(SKColor[] palette, SKColor color)
    {
        var (best, distance) = (0, int.MaxValue);
        for (var i = 0; i < palette.Length; i++)
        {
            var (r, g, b) = (palette[i].Red - color.Red, palette[i].Green - color.Green, palette[i].Blue - color.Blue);
            var d = (r * r) + (g * g) + (b * b);
            if (d < distance)
            {
                (best, distance) = (i, d);
            }
        }

        return (byte)best;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typed)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        BinaryPrimitives.WriteUInt32BigEndian(number, crc ^ 0xFFFFFFFFu);
        png.Write(number);
    }
}
