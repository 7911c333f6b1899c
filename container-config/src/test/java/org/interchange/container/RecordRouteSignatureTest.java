package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Record-Route entry's signature holds for the dialog it was written for only, and the key that makes it is kept
 * in the data directory, readable by its owner only, and the same at the next start.
 */
class RecordRouteSignatureTest {

    private final RecordRouteSignature signature = new RecordRouteSignature(new byte[32]);

    @Test
    void anEntryVerifiesForItsDialogOnly() {
        String signed = signature.sign("call-1@example.com", "42");

        assertThat(signature.verifies("call-1@example.com", Optional.of("42"), Optional.of(signed))).isTrue();
        assertThat(signature.verifies("call-2@example.com", Optional.of("42"), Optional.of(signed))).isFalse();
        assertThat(signature.verifies("call-1@example.com", Optional.of("43"), Optional.of(signed))).isFalse();
        assertThat(signature.verifies("call-1@example.com", Optional.of("42"), Optional.empty())).isFalse();
        assertThat(new RecordRouteSignature(new byte[] {1}).verifies("call-1@example.com", Optional.of("42"),
                Optional.of(signed))).as("another router's key").isFalse();
    }

    @Test
    void theKeyIsGeneratedOnceForItsOwnerOnly(@TempDir Path data) throws Exception {
        Path file = data.resolve(RecordRouteSignature.KEY_FILE);

        byte[] first = RecordRouteSignature.key(file);

        assertThat(first).as("32 random bytes in Base64url").hasSize(43);
        assertThat(RecordRouteSignature.key(file)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
