import dev.gantry.it.ItMavenRepository

// published with the credentials the URL gave
def released = new File(basedir, '../publish-with-credentials-in-the-url-http-repo/it/gantry/orders/1.1.0')
assert new File(released, 'orders-1.1.0.jar').isFile() && new File(released, 'orders-1.1.0.pom').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// Maven's transfer log names the repository by a URL without credentials, and the token is nowhere
assert log =~ /Uploaded to it-alt: http:\/\/127\.0\.0\.1:\d+\/.*orders-1\.1\.0\.jar/
assert !log.contains(ItMavenRepository.PASSWORD)
assert !log.contains(ItMavenRepository.PASSWORD.bytes.encodeBase64().toString())
return true
