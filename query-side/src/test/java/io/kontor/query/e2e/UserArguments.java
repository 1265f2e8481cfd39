package io.kontor.query.e2e;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Command-line arguments that give both apps these users (name → role, password = name) with cheap bcrypt hashes. */
public final class UserArguments {

    private UserArguments() {
    }

    public static List<String> of(Map<String, String> usersAndRoles) {
        BCryptPasswordEncoder cheap = new BCryptPasswordEncoder(4);
        List<String> args = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> user : usersAndRoles.entrySet()) {
            args.add("--kontor.security.users[" + i + "].name=" + user.getKey());
            args.add("--kontor.security.users[" + i + "].password=" + cheap.encode(user.getKey()));
            args.add("--kontor.security.users[" + i + "].roles[0]=" + user.getValue());
            i++;
        }
        return args;
    }
}
