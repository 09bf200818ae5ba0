control 'app-01' do
  impact 0.3
  title "The inputs of #{input('app_name')} were rendered for a known environment"
  describe input('environment') do
    it { should be_in %w(dev stage prod) }
  end
end

control 'app-02' do
  impact 0.5
  title 'The API token input is set and long enough'
  # Describes the length only: the token itself never appears in a result.
  describe input('api_token').to_s.length do
    it { should be >= 16 }
  end
end
