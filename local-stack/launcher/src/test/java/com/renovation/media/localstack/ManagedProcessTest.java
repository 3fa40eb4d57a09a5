package com.renovation.media.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManagedProcessTest {

    /** Field 6 of /proc/<pid>/stat: the session id (the name in field 2 is in parentheses and has no spaces here). */
    private static String session(long pid) throws Exception {
        return Files.readString(Path.of("/proc/" + pid + "/stat")).split(" ")[5];
    }

    @Test
    void aStartedProgramRunsInASessionOfItsOwnUnderItsOwnPid() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")) && Files.isDirectory(Path.of("/proc/self")),
                "setsid and /proc: Linux");
        Process sleeping = new ProcessBuilder(ManagedProcess.ownSession(List.of("sleep", "30"))).start();
        try {
            String name = "";
            for (int i = 0; i < 100 && !name.equals("sleep"); i++) { // setsid execs the program: same pid
                Thread.sleep(20);
                name = Files.readString(Path.of("/proc/" + sleeping.pid() + "/comm")).strip();
            }
            assertThat(name).as("the pid the launcher records is the program's").isEqualTo("sleep");
            assertThat(session(sleeping.pid())).as("a terminal's Ctrl-C to the launcher's group does not reach it")
                    .isEqualTo(Long.toString(sleeping.pid()))
                    .isNotEqualTo(session(ProcessHandle.current().pid()));
        } finally {
            sleeping.destroyForcibly();
        }
    }
}
