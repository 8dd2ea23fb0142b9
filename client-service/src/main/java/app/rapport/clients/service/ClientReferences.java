package app.rapport.clients.service;

import app.rapport.clients.domain.Client;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;

/** Issues short client references (e.g. {@code C-7K2M9Q}) that identify nobody outside Rapport. */
@ApplicationScoped
public class ClientReferences {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".replace("O", "");
    private final SecureRandom random = new SecureRandom();

    public String next() {
        String reference;
        do {
            StringBuilder code = new StringBuilder("C-");
            for (int i = 0; i < 6; i++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            reference = code.toString();
        } while (Client.count("reference", reference) > 0);
        return reference;
    }
}
