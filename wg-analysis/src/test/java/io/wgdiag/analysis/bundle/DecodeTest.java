package io.wgdiag.analysis.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link EvidenceReader#decode}: strict UTF-8, else ISO-8859-1; a NUL byte is binary data. */
class DecodeTest {

  @Provide
  Arbitrary<byte[]> text() {
    // ASCII with valid multi-byte UTF-8 and a real U+FFFD mixed in (the property breaks some)
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(20).map(s -> s.replace('\0', ' ')),
        Arbitraries.of("é", "µs", "→", "\uFFFD", "日本", "\u00ff", "\u0080"));
    return pieces.list().ofMaxSize(12).map(list -> String.join("", list).getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 1000)
  void decodesAsTheStrictDecoderOrLatin1(@ForAll("text") byte[] bytes, @ForAll boolean breakIt) throws Exception {
    byte[] input = bytes.clone();
    if (breakIt && input.length > 0) {
      input[input.length / 2] = (byte) 0xc3; // a lead byte in the wrong place: often malformed
    }
    String expected;
    try {
      expected = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(input)).toString();
    } catch (CharacterCodingException e) {
      expected = new String(input, StandardCharsets.ISO_8859_1);
    }
    assertThat(EvidenceReader.decode(input, "f")).isEqualTo(expected);
  }

  @Property(tries = 200)
  void aNulByteIsBinaryDataAtItsOffset(@ForAll("text") byte[] bytes) {
    byte[] input = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, input, 0, bytes.length);
    input[bytes.length] = 0;
    assertThatThrownBy(() -> EvidenceReader.decode(input, "f"))
        .isInstanceOf(BundleException.class)
        .hasMessage("f: binary data (a NUL byte at offset " + bytes.length + "), not tool output");
  }
}
