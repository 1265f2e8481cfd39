package io.kontor.command.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kontor.mongo.*}: a real MongoDB when {@code uri} is set, otherwise the embedded MongoDB-wire server that
 * the command side hosts on {@code embedded.port} with its data under {@code embedded.data-dir} ({@code none} keeps
 * it in memory).
 */
@ConfigurationProperties("kontor.mongo")
public record KontorMongoProperties(String uri,
                                    @DefaultValue("kontor") String database,
                                    @DefaultValue Embedded embedded) {

    public record Embedded(@DefaultValue("27017") int port, @DefaultValue("./data") String dataDir) {
    }

    public boolean embeddedMode() {
        return uri == null || uri.isBlank();
    }
}
