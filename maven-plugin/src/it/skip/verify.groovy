// -Dtest-abort.skip: prepare-agent leaves argLine alone and report does nothing.
def log = new File(basedir, 'build.log').text
assert log.count('test-abort: skipped (test-abort.skip)') == 2 : log
assert !log.contains('argLine set to')
assert !new File(basedir, 'target/test-abort').exists()
return true
