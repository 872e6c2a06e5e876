package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// certs writes a CA, a server certificate for 127.0.0.1 and a client
// certificate, all signed by the CA, and returns their files.
func certs(t *testing.T) (dir string, ca *x509.CertPool, client tls.Certificate) {
	dir = t.TempDir()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"}, IsCA: true,
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	require.NoError(t, err)
	caCert, err := x509.ParseCertificate(caDER)
	require.NoError(t, err)
	write := func(name, kind string, der []byte) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der}), 0o600))
	}
	write("ca.pem", "CERTIFICATE", caDER)
	leaf := func(name string, serial int64, usage x509.ExtKeyUsage) tls.Certificate {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		require.NoError(t, err)
		tmpl := &x509.Certificate{SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: name},
			NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
			ExtKeyUsage: []x509.ExtKeyUsage{usage}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, caCert, &key.PublicKey, caKey)
		require.NoError(t, err)
		kder, err := x509.MarshalECPrivateKey(key)
		require.NoError(t, err)
		write(name+".pem", "CERTIFICATE", der)
		write(name+"-key.pem", "EC PRIVATE KEY", kder)
		pair, err := tls.LoadX509KeyPair(filepath.Join(dir, name+".pem"), filepath.Join(dir, name+"-key.pem"))
		require.NoError(t, err)
		return pair
	}
	leaf("server", 2, x509.ExtKeyUsageServerAuth)
	client = leaf("client", 3, x509.ExtKeyUsageClientAuth)
	ca = x509.NewCertPool()
	ca.AddCert(caCert)
	return dir, ca, client
}

// HTTPS, then mutual TLS: a client without a certificate signed by the
// client CA is refused at the handshake.
func TestTLS(t *testing.T) {
	dir, ca, client := certs(t)
	for _, mutual := range []bool{false, true} {
		clientCA := ""
		if mutual {
			clientCA = filepath.Join(dir, "ca.pem")
		}
		conf, mode, err := tlsConfig(filepath.Join(dir, "server.pem"), filepath.Join(dir, "server-key.pem"), clientCA)
		require.NoError(t, err)
		assert.Equal(t, map[bool]string{false: "on", true: "mutual"}[mutual], mode)
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		srv := newServer(NewHandler(Config{}), 64<<10)
		go func() { _ = srv.Serve(goErrors{tls.NewListener(ln, conf)}) }()
		url := "https://" + ln.Addr().String() + "/readyz"
		get := func(certs ...tls.Certificate) (int, error) {
			c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: ca, Certificates: certs}}}
			resp, err := c.Get(url)
			if err != nil {
				return 0, err
			}
			resp.Body.Close()
			return resp.StatusCode, nil
		}
		code, err := get(client)
		require.NoError(t, err)
		assert.Equal(t, 200, code)
		code, err = get()
		if mutual {
			assert.Error(t, err, "no client certificate: refused")
		} else {
			assert.NoError(t, err)
			assert.Equal(t, 200, code)
		}
		_ = srv.Close()
	}
	_, _, err := tlsConfig(filepath.Join(dir, "server.pem"), filepath.Join(dir, "server-key.pem"), filepath.Join(dir, "server-key.pem"))
	assert.ErrorContains(t, err, "no PEM certificate")
	_, _, err = tlsConfig("", "", filepath.Join(dir, "ca.pem"))
	assert.ErrorContains(t, err, "-client-ca needs -tls-cert")
}
