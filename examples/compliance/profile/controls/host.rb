control 'os-01' do
  impact 0.7
  title 'The host runs a Debian-family distribution the platform supports'
  tag severity: 'high'
  describe os do
    its('family') { should eq 'debian' }
  end
end

control 'os-02' do
  impact 0.5
  title 'Account data in /etc/passwd belongs to root and is not writable by others'
  describe file('/etc/passwd') do
    it { should exist }
    it { should be_owned_by 'root' }
    it { should_not be_writable.by('others') }
  end
end

control 'os-03' do
  impact 0.7
  title 'Password hashes in /etc/shadow are not readable by others'
  tag severity: 'high'
  describe file('/etc/shadow') do
    it { should_not be_readable.by('others') }
  end
end

control 'net-01' do
  impact 0.5
  title 'No telnet server is installed'
  describe package('telnetd') do
    it { should_not be_installed }
  end
end

control 'tools-01' do
  impact 0.3
  title 'No compiler is installed on a runtime host'
  # Waived in ../waivers.yml: CI runners build software.
  describe package('gcc') do
    it { should_not be_installed }
  end
end

control 'k8s-01' do
  impact 0.5
  title 'The kubelet does not allow anonymous requests'
  only_if('the target is a Kubernetes node') { file('/var/lib/kubelet/config.yaml').exist? }
  describe yaml('/var/lib/kubelet/config.yaml') do
    its(%w(authentication anonymous enabled)) { should cmp false }
  end
end
