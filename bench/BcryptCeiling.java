import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The most bcrypt checks (cost 12) this machine can do per second with one thread per core: the ceiling a login
 * benchmark is measured against. Run by bench/login.sh with spring-security-crypto on the class path.
 */
public class BcryptCeiling {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int threads = Runtime.getRuntime().availableProcessors();
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(12);
        String hash = bcrypt.encode("sunny-beach-2026");
        bcrypt.matches("warm up the JIT", hash);
        AtomicLong checks = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        bcrypt.matches("sunny-beach-2026", hash);
                        checks.incrementAndGet();
                    }
                });
            }
        }
        System.out.printf("CEILING threads=%d checks_per_second=%.2f%n", threads, checks.get() / (double) seconds);
    }
}
